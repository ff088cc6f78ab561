using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using SingleView.Ingest.Definitions;

namespace SingleView.Standardise.Reading;

/// <summary>
/// Streams a delivery's records with the feed's delimiter, quote, encoding and header. Malformed
/// records come out as <see cref="MalformedLine"/> with their line number instead of stopping the read.
/// </summary>
internal sealed class DeliveryReader : IDisposable
{
    private readonly CsvReader reader;
    private readonly Queue<CsvMalformedRecord> malformed = new();
    private readonly Dictionary<string, int> columnIndexes = new(StringComparer.Ordinal);

    private DeliveryReader(string path, FeedDefinition definition)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = definition.Format.Delimiter,
            Quote = definition.Format.Quote,
            HasHeader = definition.Format.Header,
            Encoding = EncodingOf(path, definition.Format.Encoding),
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
        };
        reader = CsvReader.FromFile(path, options);
    }

    /// <summary>The source columns the definition names that the delivery does not have.</summary>
    public IReadOnlyList<string> MissingColumns { get; private set; } = [];

    public static async Task<DeliveryReader> OpenAsync(string path, FeedDefinition definition, CancellationToken cancellationToken)
    {
        var deliveryReader = new DeliveryReader(path, definition);
        try
        {
            await deliveryReader.ResolveColumnsAsync(definition, cancellationToken);
            return deliveryReader;
        }
        catch
        {
            deliveryReader.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<DeliveryLine> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            while (malformed.TryDequeue(out var bad)) yield return Malformed(bad);
            var cells = new Dictionary<string, string>(columnIndexes.Count, StringComparer.Ordinal);
            foreach (var (column, index) in columnIndexes)
            {
                cells[column] = index < reader.FieldCount ? reader.GetString(index) ?? string.Empty : string.Empty;
            }

            yield return new DeliveryRow(reader.LineNumber, Encoding.UTF8.GetString(reader.RawRecord), cells);
        }

        while (malformed.TryDequeue(out var bad)) yield return Malformed(bad);
    }

    public void Dispose() => reader.Dispose();

    private async Task ResolveColumnsAsync(FeedDefinition definition, CancellationToken cancellationToken)
    {
        await reader.ReadHeaderAsync(cancellationToken);
        var wanted = definition.Columns.Values
            .Append(definition.RecordIdColumn)
            .Concat(definition.RequiredColumns)
            .Distinct(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var column in wanted)
        {
            if (TryFindColumn(definition, column, out var index)) columnIndexes[column] = index;
            else missing.Add(column);
        }

        MissingColumns = missing;
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
        new(record.LineNumber, record.RawRecord, ReasonFor(record.Reason));

    private static string ReasonFor(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed CSV: a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "malformed CSV: a line break inside a quoted field",
        CsvMalformedReason.FieldCountMismatch => "malformed CSV: the number of fields differs from the header",
        _ => $"malformed CSV: {reason}",
    };

    // A byte order mark says how the file is really encoded, whatever the definition declares: CsvHelper
    // honours UTF-16/32 marks itself, but reads a UTF-8 mark as text under a single-byte encoding.
    private static Encoding? EncodingOf(string path, Encoding declared)
    {
        Span<byte> start = stackalloc byte[3];
        using (var stream = File.OpenRead(path))
        {
            var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
            if (read == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF) return null;
        }

        return declared is UTF8Encoding ? null : declared;
    }
}
