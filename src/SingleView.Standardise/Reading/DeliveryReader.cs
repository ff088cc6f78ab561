using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using SingleView.Ingest.Definitions;

namespace SingleView.Standardise.Reading;

/// <summary>
/// Streams a delivery's records with the feed's delimiter, quote, encoding and header. A record that
/// cannot be used as it stands (bad quoting, a field count that differs from the header, NUL bytes,
/// bytes that are not valid in the declared encoding, an oversized row) comes out as a
/// <see cref="MalformedLine"/> with its line number and reason instead of stopping the read; a problem
/// with the whole file (empty, header unusable) is <see cref="Problem"/>.
/// </summary>
internal sealed class DeliveryReader : IDisposable
{
    /// <summary>A row longer than this is quarantined: no partner record is this long, so it is a broken line or a hostile one.</summary>
    public const int MaxRowBytes = 64 * 1024;

    /// <summary>An unclosed quote that runs on past this stops the read instead of buffering the rest of a huge file.</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    private const int QuarantinedTextLimit = 4096;
    private readonly CsvReader reader;
    private readonly Queue<CsvMalformedRecord> malformed = new();
    private readonly string[] columns;
    private readonly int[] columnIndexes;
    private readonly RowCells cells;
    private readonly bool header;
    private readonly bool declaredUtf8;
    private readonly Func<long, string> rawTextOfCurrent;
    private int headerFieldCount;

    private DeliveryReader(string path, FeedDefinition definition, bool poolStrings)
    {
        header = definition.Format.Header;
        rawTextOfCurrent = RawTextOfCurrent;
        var encoding = EncodingOf(path, definition.Format.Encoding);
        declaredUtf8 = encoding is null or UTF8Encoding;
        var options = CsvReaderOptions.Default with
        {
            Separator = definition.Format.Delimiter,
            Quote = definition.Format.Quote,
            HasHeader = header,
            Encoding = null,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            // Field counts are checked here, so that trailing empty fields (a trailing delimiter) are allowed.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = malformed.Enqueue,
            // Cells are read as UTF-8 spans (RowCells), which pools the strings of the values that are kept.
            PoolStrings = false,
        };
        reader = CsvReader.Create(OpenAsUtf8(path, encoding), options, false);
        columns = definition.SourceColumns
            .Append(definition.RecordIdColumn)
            .Concat(definition.RequiredColumns)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        columnIndexes = new int[columns.Length];
        cells = new RowCells(columns.Length, poolStrings);
        Length = new FileInfo(path).Length;
    }

    /// <summary>Why the delivery cannot be read at all (named in the hold), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The source columns the reader delivers, in the order of <see cref="DeliveryRow"/> cells.</summary>
    public IReadOnlyList<string> Columns => columns;

    private long Length { get; }

    /// <summary>
    /// Opens the delivery and reads its header. Reading is synchronous on purpose: a delivery is read
    /// start to end by one thread, and an await per buffer refill cost more than the parsing.
    /// </summary>
    /// <param name="poolStrings">Whether a value a column repeats is one string (for records kept in memory).</param>
    public static DeliveryReader Open(string path, FeedDefinition definition, bool poolStrings = true)
    {
        var deliveryReader = new DeliveryReader(path, definition, poolStrings);
        try
        {
            deliveryReader.ResolveColumns(definition);
            return deliveryReader;
        }
        catch
        {
            deliveryReader.Dispose();
            throw;
        }
    }

    public IEnumerable<DeliveryLine> Read(CancellationToken cancellationToken)
    {
        var layout = new ColumnLayout(columns);
        var count = 0;
        while (reader.Read())
        {
            if (++count % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            while (malformed.TryDequeue(out var bad)) yield return Malformed(bad);
            if (Current(layout) is { } line) yield return line;
        }

        while (malformed.TryDequeue(out var bad)) yield return Malformed(bad);
    }

    // The record under the reader, or null for a blank line. Synchronous: the raw record is a span over
    // the reader's buffer, which is reused by the next read.
    private DeliveryLine? Current(ColumnLayout layout)
    {
        var raw = reader.RawRecord;
        if (reader.FieldCount <= 1 && raw.Trim(" \t"u8).IsEmpty) return null;
        // An ASCII row (nearly all) is widened once here, and is valid UTF-8 without a second look.
        var ascii = raw.Length <= MaxRowBytes && cells.StartAscii(reader.LineNumber, raw);
        if (RowProblem(raw, ascii) is { } problem) return new MalformedLine(reader.LineNumber, QuarantineText(raw), problem);
        var fieldCount = reader.FieldCount;
        if (ascii)
        {
            for (var i = 0; i < columnIndexes.Length; i++)
            {
                var index = columnIndexes[i];
                cells.SetWithin(i, raw, index < fieldCount ? reader.GetSpan(index) : default);
            }
        }
        else
        {
            cells.Start(reader.LineNumber);
            for (var i = 0; i < columnIndexes.Length; i++)
            {
                var index = columnIndexes[i];
                cells.Set(i, index < fieldCount ? reader.GetSpan(index) : default);
            }
        }

        return new DeliveryRow(reader.LineNumber, rawTextOfCurrent, layout, cells);
    }

    public void Dispose() => reader.Dispose();

    // A row's raw text is only wanted if it is quarantined, and rows are consumed before the next read:
    // decoding it on demand saves copying every row of the file.
    private string RawTextOfCurrent(long lineNumber) =>
        reader.LineNumber == lineNumber
            ? QuarantineText(reader.RawRecord)
            : throw new InvalidOperationException($"line {lineNumber} is no longer the current record (now {reader.LineNumber})");

    private string? RowProblem(ReadOnlySpan<byte> raw, bool ascii)
    {
        if (raw.Length > MaxRowBytes) return $"the row is {raw.Length} bytes, longer than the {MaxRowBytes} bytes a row may have";
        if (raw.IndexOf((byte)0) >= 0) return "the row holds NUL (0x00) bytes";
        if (declaredUtf8 && !ascii && !Utf8.IsValid(raw))
        {
            return "the row holds bytes that are not valid UTF-8 (the feed's declared encoding): is the file Windows-1252?";
        }

        if (!header || reader.FieldCount == headerFieldCount) return null;
        if (reader.FieldCount > headerFieldCount && OnlyEmptyAfterHeader()) return null;
        return $"the row has {reader.FieldCount} fields where the header has {headerFieldCount}";
    }

    // A trailing delimiter (or several) adds empty fields after the last column: harmless.
    private bool OnlyEmptyAfterHeader()
    {
        for (var i = headerFieldCount; i < reader.FieldCount; i++)
        {
            if (!reader.GetSpan(i).Trim(" \t"u8).IsEmpty) return false;
        }

        return true;
    }

    private void ResolveColumns(FeedDefinition definition)
    {
        if (Length == 0)
        {
            Problem = "the file is empty";
            return;
        }

        reader.ReadHeader();
        var headers = header ? reader.Headers.ToArray() : [];
        headerFieldCount = headers.Length;
        if (header && headers.All(h => string.IsNullOrWhiteSpace(h)))
        {
            Problem = "the file is empty (no header row)";
            return;
        }

        if (headers.Any(h => h.Contains('\0', StringComparison.Ordinal)))
        {
            Problem = "the header holds NUL bytes: the file may be UTF-16 without a byte order mark, or not text at all (see format.encoding)";
            return;
        }

        var missing = new List<string>();
        var duplicated = new List<string>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (TryFindColumn(definition, columns[i], out var index)) columnIndexes[i] = index;
            else missing.Add(columns[i]);
            if (header && headers.Count(h => h.Trim().Equals(columns[i], StringComparison.OrdinalIgnoreCase)) > 1) duplicated.Add(columns[i]);
        }

        if (duplicated.Count > 0)
        {
            Problem = $"duplicated column(s) {string.Join(", ", duplicated)}: which one to read is ambiguous";
        }
        else if (missing.Count > 0)
        {
            Problem = $"missing column(s) {string.Join(", ", missing)}{DelimiterHint(headers, definition.Format.Delimiter)}";
        }
    }

    // A header read as one column that holds another common delimiter is almost always a file written
    // with the wrong delimiter; saying so saves the data owner a puzzle.
    private static string DelimiterHint(string[] headers, char declared)
    {
        if (headers.Length != 1) return string.Empty;
        foreach (var candidate in new[] { ',', ';', '\t', '|' })
        {
            if (candidate != declared && headers[0].Contains(candidate, StringComparison.Ordinal))
            {
                return $" (the header is one column: the file looks {Name(candidate)}-delimited but the feed declares {Name(declared)})";
            }
        }

        return string.Empty;

        static string Name(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";
    }

    // Without a header, a definition names columns by their 1-based position.
    private bool TryFindColumn(FeedDefinition definition, string column, out int index)
    {
        if (definition.Format.Header) return reader.TryGetFieldIndex(column, out index);
        var isPosition = int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1;
        index = isPosition ? position - 1 : 0;
        return isPosition;
    }

    private static MalformedLine Malformed(CsvMalformedRecord record) =>
        new(record.LineNumber, Truncate(record.RawRecord), ReasonFor(record.Reason));

    // The quarantine keeps the row as received, up to a limit: a 1 MB junk line is evidence enough at 4 KB.
    private static string QuarantineText(ReadOnlySpan<byte> raw) =>
        raw.Length <= QuarantinedTextLimit
            ? Encoding.UTF8.GetString(raw)
            : $"{Encoding.UTF8.GetString(raw[..QuarantinedTextLimit])}… ({raw.Length} bytes in all)";

    private static string Truncate(string text) =>
        text.Length <= QuarantinedTextLimit ? text : $"{text[..QuarantinedTextLimit]}… ({text.Length} characters in all)";

    private static string ReasonFor(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed CSV: a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "malformed CSV: a line break inside a quoted field",
        CsvMalformedReason.FieldCountMismatch => "malformed CSV: the number of fields differs from the header",
        _ => $"malformed CSV: {reason}",
    };

    // CsvHelper reads UTF-8 bytes; any other encoding is transcoded on the way in, as the file streams.
    private static Stream OpenAsUtf8(string path, Encoding? encoding)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return encoding is null or UTF8Encoding ? file : Encoding.CreateTranscodingStream(file, encoding, new UTF8Encoding(false), leaveOpen: false);
    }

    // A byte order mark says how the file is really encoded, whatever the definition declares.
    private static Encoding? EncodingOf(string path, Encoding declared)
    {
        Span<byte> start = stackalloc byte[3];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        }

        if (read == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF) return null;
        if (read >= 2 && start[0] == 0xFF && start[1] == 0xFE) return new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        if (read >= 2 && start[0] == 0xFE && start[1] == 0xFF) return new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        return declared is UTF8Encoding ? null : declared;
    }
}
