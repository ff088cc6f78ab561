namespace SingleView.Standardise.Reading;

/// <summary>One record of a delivery: its first line in the file and its text as received.</summary>
internal abstract record DeliveryLine(long LineNumber, string RawText);

/// <summary>A well-formed record: the cells of the source columns the feed definition uses, by column name.</summary>
internal sealed record DeliveryRow(long LineNumber, string RawText, IReadOnlyDictionary<string, string> Cells)
    : DeliveryLine(LineNumber, RawText)
{
    public string? Cell(string? column) => column is not null && Cells.TryGetValue(column, out var value) ? value : null;
}

/// <summary>A record CSV could not read (bad quoting, wrong number of fields).</summary>
internal sealed record MalformedLine(long LineNumber, string RawText, string Reason) : DeliveryLine(LineNumber, RawText);
