namespace SingleView.Samples.Output;

/// <summary>
/// One feed's extract, written row by row so that large samples never sit in memory. Cells are
/// quoted as RFC 4180 says (only when they hold the delimiter, a quote or a line break), which is
/// all these files need; a hand-written writer keeps the bytes stable across library versions.
/// </summary>
internal sealed class ExtractFile : IDisposable
{
    private const char Quote = '"';

    private readonly StreamWriter writer;
    private readonly string delimiter;
    private readonly int columns;

    public ExtractFile(string path, ExtractFormat format, IReadOnlyList<string> header)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Path = path;
        writer = new StreamWriter(path, append: false, format.Encoding) { NewLine = format.NewLine };
        delimiter = format.Delimiter;
        columns = header.Count;
        Write(header);
    }

    public string Path { get; }

    public void Write(IReadOnlyList<string?> cells)
    {
        if (cells.Count != columns) throw new InvalidOperationException($"{Path}: a row has {cells.Count} cells for {columns} columns.");
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(delimiter);
            WriteCell(cells[i]);
        }

        writer.WriteLine();
    }

    public void Dispose() => writer.Dispose();

    private void WriteCell(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return;
        var needsQuotes = cell.Contains(delimiter, StringComparison.Ordinal) || cell.AsSpan().IndexOfAny(Quote, '\r', '\n') >= 0;
        if (!needsQuotes)
        {
            writer.Write(cell);
            return;
        }

        writer.Write(Quote);
        writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write(Quote);
    }
}
