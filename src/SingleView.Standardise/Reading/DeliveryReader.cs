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
/// A quoted field may hold line breaks, so one unclosed quote would swallow every later row into one
/// broken record. A record that runs past a line break and is then broken (its quoting, its field
/// count or its size) is taken to be its first line alone: that line is quarantined, and CsvHelper
/// reads again from the next line, so the good rows after it are kept. A legitimately quoted
/// multi-line field parses into the header's field count and is kept whole.
/// </summary>
internal sealed class DeliveryReader : IDisposable
{
    /// <summary>A row longer than this is quarantined: no partner record is this long, so it is a broken line or a hostile one.</summary>
    public const int MaxRowBytes = 64 * 1024;

    /// <summary>
    /// A record still open past this many bytes (an unclosed quote, a line that never ends) is broken: its
    /// first line is quarantined and reading resumes after it. The reader's buffer stays within about twice this.
    /// </summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>
    /// Each resumption re-reads at most about <see cref="MaxRecordBytes"/> twice over: a delivery with more
    /// broken multi-line records than this is held (its quoting cannot be trusted) rather than read for ever.
    /// </summary>
    public const int MaxResumptions = 1000;

    private const int QuarantinedTextLimit = 4096;
    private readonly DeliverySource source;
    private readonly CsvReaderOptions resumedOptions;
    private CsvReader reader;
    // The reader in use may have started part way through the file: its line 1 is line baseLine + 1,
    // at byte offset baseOffset of the UTF-8 input.
    private long baseLine;
    private long baseOffset;
    // The start of the last record returned, from which the start of a later line is found.
    private long anchorLine = 1;
    private long anchorOffset;
    private int resumptions;
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
        source = new DeliverySource(path, encoding is null or UTF8Encoding ? null : encoding);
        // A reader that resumes part way starts on a data row.
        resumedOptions = options with { HasHeader = false };
        reader = CsvReader.Create(source.Open(), options, false);
        columns = definition.Columns.Values
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
        while (true)
        {
            if (++count % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            var advanced = Advance(out var tooLong);
            Broken? broken = null;
            // Malformed records reported during the read come before the record it stopped on.
            while (broken is null && malformed.TryDequeue(out var bad))
            {
                if (!SpansLines(bad.RawRecord)) yield return Malformed(bad);
                else broken = new Broken(baseLine + bad.LineNumber, ReasonFor(bad.Reason));
            }

            if (broken is null && tooLong is not null)
            {
                broken = new Broken(
                    baseLine + tooLong.LineNumber,
                    $"the record runs on past {MaxRecordBytes} bytes, longer than the {MaxRowBytes} bytes a row may have: a quoted field never closed, or a line that never ends");
            }

            if (broken is null && advanced)
            {
                var line = Current(layout, out var brokenAcrossLines);
                if (brokenAcrossLines is not null) broken = new Broken(line!.LineNumber, brokenAcrossLines);
                else if (line is not null) yield return line;
            }

            if (broken is not null) yield return Resume(broken.Value);
            else if (!advanced) yield break;
        }
    }

    // The next record; false at the end of the input or when the record is too large to buffer (tooLong).
    private bool Advance(out CsvFormatException? tooLong)
    {
        tooLong = null;
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException exception) when (exception.LineNumber > 0)
        {
            tooLong = exception;
            return false;
        }
    }

    // The broken record is taken to be its first line: that line is quarantined and a new reader starts
    // on the next, with what the old one had read past it (and reported of it) let go.
    private MalformedLine Resume(Broken broken)
    {
        if (++resumptions > MaxResumptions)
        {
            throw new InvalidDataException(
                $"more than {MaxResumptions} records are broken across lines (line {broken.LineNumber} is the last): the file's quoting cannot be trusted");
        }

        var (next, text, length) = source.FindLine(anchorLine, anchorOffset, broken.LineNumber, QuarantinedTextLimit);
        reader.Dispose();
        malformed.Clear();
        reader = CsvReader.Create(source.OpenAt(next), resumedOptions, false);
        baseLine = broken.LineNumber;
        baseOffset = next;
        anchorLine = broken.LineNumber + 1;
        anchorOffset = next;
        var shown = length <= QuarantinedTextLimit
            ? Encoding.UTF8.GetString(text)
            : $"{Encoding.UTF8.GetString(text)}… ({length} bytes in all)";
        return new MalformedLine(broken.LineNumber, shown, $"{broken.Reason} (the record is taken to end at its first line; reading resumed at line {broken.LineNumber + 1})");
    }

    private static bool SpansLines(string raw) => raw.AsSpan().IndexOfAny('\r', '\n') >= 0;

    private long LineNumber => baseLine + reader.LineNumber;

    // The record under the reader, or null for a blank line. Synchronous: the raw record is a span over
    // the reader's buffer, which is reused by the next read.
    // A record that runs over several lines and has the wrong number of fields (or is too long) is a
    // quote that was not closed where it should have been: brokenAcrossLines says so, for Read to resume.
    private DeliveryLine? Current(ColumnLayout layout, out string? brokenAcrossLines)
    {
        brokenAcrossLines = null;
        var raw = reader.RawRecord;
        var lineNumber = LineNumber;
        anchorLine = lineNumber;
        anchorOffset = baseOffset + reader.ByteOffset;
        if (reader.FieldCount <= 1 && raw.Trim(" \t"u8).IsEmpty) return null;
        // An ASCII row (nearly all) is widened once here, and is valid UTF-8 without a second look.
        var ascii = raw.Length <= MaxRowBytes && cells.StartAscii(lineNumber, raw);
        if (RowProblem(raw, ascii) is { } problem)
        {
            var shape = problem.Kind is RowProblemKind.FieldCount or RowProblemKind.Length;
            if (shape && raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0) brokenAcrossLines = $"malformed CSV: a quoted field runs past a line break and {problem.Reason}";
            return new MalformedLine(lineNumber, QuarantineText(raw), problem.Reason);
        }

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
            cells.Start(lineNumber);
            for (var i = 0; i < columnIndexes.Length; i++)
            {
                var index = columnIndexes[i];
                cells.Set(i, index < fieldCount ? reader.GetSpan(index) : default);
            }
        }

        return new DeliveryRow(lineNumber, rawTextOfCurrent, layout, cells);
    }

    public void Dispose()
    {
        reader.Dispose();
        source.Dispose();
    }

    // A row's raw text is only wanted if it is quarantined, and rows are consumed before the next read:
    // decoding it on demand saves copying every row of the file.
    private string RawTextOfCurrent(long lineNumber) =>
        LineNumber == lineNumber
            ? QuarantineText(reader.RawRecord)
            : throw new InvalidOperationException($"line {lineNumber} is no longer the current record (now {LineNumber})");

    private (RowProblemKind Kind, string Reason)? RowProblem(ReadOnlySpan<byte> raw, bool ascii)
    {
        if (raw.Length > MaxRowBytes) return (RowProblemKind.Length, $"the row is {raw.Length} bytes, longer than the {MaxRowBytes} bytes a row may have");
        if (raw.IndexOf((byte)0) >= 0) return (RowProblemKind.Bytes, "the row holds NUL (0x00) bytes");
        if (declaredUtf8 && !ascii && !Utf8.IsValid(raw))
        {
            return (RowProblemKind.Bytes, "the row holds bytes that are not valid UTF-8 (the feed's declared encoding): is the file Windows-1252?");
        }

        if (!header || reader.FieldCount == headerFieldCount) return null;
        if (reader.FieldCount > headerFieldCount && OnlyEmptyAfterHeader()) return null;
        return (RowProblemKind.FieldCount, $"the row has {reader.FieldCount} fields where the header has {headerFieldCount}");
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

    private MalformedLine Malformed(CsvMalformedRecord record) =>
        new(baseLine + record.LineNumber, Truncate(record.RawRecord), ReasonFor(record.Reason));

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

    private enum RowProblemKind
    {
        Length,
        Bytes,
        FieldCount,
    }

    /// <summary>A record broken across lines: the line it starts on, and why it is broken.</summary>
    private readonly record struct Broken(long LineNumber, string Reason);
}
