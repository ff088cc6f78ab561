namespace SingleView.Samples.Population;

/// <summary>A postal address in the synthetic authority: "12 Mill Lane", "Anytown", "AT1 4QX".</summary>
internal sealed record Address(string Line, string Town, string Postcode, Locality Locality)
{
    /// <summary>The one-line form most feeds carry: "12 Mill Lane, Anytown".</summary>
    public string OneLine => $"{Line}, {Town}";
}

/// <summary>A town or district of the authority with its postcode districts and police neighbourhood.</summary>
internal sealed record Locality(string Town, string[] OutwardCodes, string PoliceArea, string Patch);
