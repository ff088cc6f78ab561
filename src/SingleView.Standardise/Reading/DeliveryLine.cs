namespace SingleView.Standardise.Reading;

/// <summary>One record of a delivery: its first line in the file and its text as received.</summary>
internal abstract record DeliveryLine(long LineNumber)
{
    public abstract string RawText { get; }
}

/// <summary>Where each source column's cell is in a <see cref="DeliveryRow"/>: built once per delivery.</summary>
internal sealed class ColumnLayout(IReadOnlyList<string> columns)
{
    private readonly Dictionary<string, int> slots = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    public int SlotOf(string? column) => column is not null && slots.TryGetValue(column, out var slot) ? slot : -1;
}

/// <summary>
/// A well-formed record: the cells of the source columns the feed definition uses. Its raw text is
/// only decoded when asked for (a row that is quarantined), not for every row read, and its cells are
/// read from the reader's buffer (<see cref="RowCells"/>): both only while it is the current record.
/// </summary>
internal sealed record DeliveryRow : DeliveryLine
{
    private readonly Func<long, string>? rawTextOf;
    private readonly RowCells cells;
    private string? rawText;

    /// <param name="rawTextOf">Decodes the raw text of the record with this line number while it is still the reader's current record.</param>
    public DeliveryRow(long lineNumber, Func<long, string> rawTextOf, ColumnLayout layout, RowCells cells)
        : base(lineNumber)
    {
        this.rawTextOf = rawTextOf;
        Layout = layout;
        this.cells = cells;
    }

    /// <summary>For tests and callers that already have the text.</summary>
    public DeliveryRow(long lineNumber, string rawText, IReadOnlyDictionary<string, string> cells)
        : base(lineNumber)
    {
        this.rawText = rawText;
        var names = cells.Keys.ToArray();
        Layout = new ColumnLayout(names);
        this.cells = new RowCells(names.Length);
        this.cells.Start(lineNumber);
        for (var i = 0; i < names.Length; i++) this.cells.Set(i, cells[names[i]]);
    }

    public ColumnLayout Layout { get; }

    public override string RawText => rawText ??= rawTextOf!(LineNumber);

    public string? Cell(string? column) => CellAt(Layout.SlotOf(column));

    /// <summary>The cell at a <see cref="ColumnLayout.SlotOf"/> position; null for -1 (a column the row does not have).</summary>
    public string? CellAt(int slot) => slot < 0 ? null : cells.Intern(slot, cells.Text(slot, LineNumber));

    /// <summary>The cell at a slot as characters, without making a string; empty for -1.</summary>
    public ReadOnlySpan<char> TextAt(int slot) => slot < 0 ? default : cells.Text(slot, LineNumber);

    /// <summary>The string for part of the cell at a slot (trimmed, say): one instance per value the column repeats.</summary>
    public string Intern(int slot, ReadOnlySpan<char> value) => cells.Intern(slot, value);
}

/// <summary>A record that cannot be used as it stands (bad quoting, wrong number of fields, bad bytes).</summary>
internal sealed record MalformedLine(long LineNumber, string Text, string Reason) : DeliveryLine(LineNumber)
{
    public override string RawText => Text;
}
