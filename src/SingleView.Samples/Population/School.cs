namespace SingleView.Samples.Population;

/// <summary>A school of the authority: URN, DfE establishment number, name and office phone.</summary>
internal sealed record School(string Urn, string EstablishmentNumber, string Name, string Phone, bool IsSecondary);
