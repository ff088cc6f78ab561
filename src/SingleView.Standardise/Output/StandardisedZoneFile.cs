using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Ingest.Zones;

using SingleView.Standardise.Mapping;

namespace SingleView.Standardise.Output;

/// <summary>
/// A standardised delivery: gzip JSON Lines in the compact layout of <see cref="StandardisedFormat"/>
/// (a header, then one record per line as an array). Records are written synchronously into a buffer
/// that is handed to the compressor 64 KiB at a time (one small async write per record cost more than
/// the mapping; a stream between the two copied every byte once more), and
/// compressed at the fastest level: the zone is rewritten nightly and read once, so speed matters more
/// than the last few per cent of size. <see cref="Read"/> and <see cref="ReadAsync"/> are the one way
/// to read the zone: they read this layout (versions 4, 3 and 2) and the one-object-per-line files written before it, which
/// retention may still keep.
/// </summary>
public sealed class StandardisedZoneFile : IAsyncDisposable
{
    private const int CompressAtBytes = 1 << 16;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly AtomicFile file;
    private readonly GZipStream gzip;
    private readonly ArrayBufferWriter<byte> pending = new(2 * CompressAtBytes);
    private readonly Utf8JsonWriter json;
    private readonly StandardisedShared shared;
    private readonly int version;
    private readonly CompactRecordRow rows;
    private readonly ZoneRowWriter rowWriter;

    // A record written by Write(PersonRecord) is copied here first: one writer of rows, from mapped values.
    private readonly MappedRow filled;

    private StandardisedZoneFile(string path, StandardisedShared shared, int version)
    {
        if (version is not (StandardisedFormat.Version or StandardisedFormat.VersionThree or StandardisedFormat.VersionTwo))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "only versions 2, 3 and 4 are written");
        }

        this.shared = shared;
        this.version = version;
        rows = new CompactRecordRow(version);
        file = AtomicFile.Create(path);
        gzip = new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true);
        // The zone is read only by this class, never put into a page: HTML-sensitive and non-ASCII characters
        // need no escaping (quotes, backslashes and control characters still are), which saves bytes and a scan.
        json = new Utf8JsonWriter(pending, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        rowWriter = new ZoneRowWriter(pending);
        filled = new MappedRow(shared.Feed, shared.SourceSystem, shared.ExtractDate, shared.RawFile);
        WriteHeader();
    }

    /// <summary>Starts writing under a temporary name; nothing is visible until <see cref="CommitAsync"/>.</summary>
    /// <param name="version">The format version: the current one, or 3 or 2 (for tests of reading older files).</param>
    internal static StandardisedZoneFile Create(string path, StandardisedShared shared, int version = StandardisedFormat.Version) => new(path, shared, version);

    /// <summary>Writes a record of the delivery: its shared values must be the ones the file was created with.</summary>
    internal void Write(PersonRecord record)
    {
        if (!Shares(record))
        {
            throw new InvalidOperationException($"record {record.Key} does not share the delivery's feed, source system, extract date and raw file written in the header");
        }

        if (version != StandardisedFormat.VersionTwo)
        {
            // The header went through the JSON writer and was flushed; rows are written straight into the same buffer.
            filled.Fill(record);
            WriteRow(filled);
            return;
        }
        else
        {
            PersonRecordRow.Write(json, record);
            EndLine();
        }

        if (pending.WrittenCount >= CompressAtBytes) Compress();
    }

    /// <summary>
    /// Writes a mapped row of the delivery (the compact versions only), without a <see cref="PersonRecord"/>
    /// made for it; the delivery's shared values are the file's, as the mapper that filled it was the delivery's.
    /// </summary>
    internal void Write(MappedRow row)
    {
        if (version == StandardisedFormat.VersionTwo) throw new InvalidOperationException("mapped rows are written only in the compact format versions");
        WriteRow(row);
    }

    private void WriteRow(MappedRow row)
    {
        rows.Write(rowWriter, row);
        rowWriter.EndLine();
        if (pending.WrittenCount >= CompressAtBytes) Compress();
    }

    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        await json.DisposeAsync();
        Compress();
        await gzip.DisposeAsync();
        await file.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await json.DisposeAsync();
        await gzip.DisposeAsync();
        await file.DisposeAsync();
    }

    /// <summary>The number of records, counted by line without reading them.</summary>
    public static async Task<int> CountAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var chunk = new byte[1 << 16];
        var count = 0;
        var lastWasNewLine = true;
        var hasHeader = (bool?)null;
        int read;
        while ((read = await gzip.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hasHeader ??= chunk.AsSpan(0, read).StartsWith(StandardisedFormat.HeaderStart);
            count += chunk.AsSpan(0, read).Count((byte)'\n');
            lastWasNewLine = chunk[read - 1] == '\n';
        }

        var lines = lastWasNewLine ? count : count + 1;
        return hasHeader == true ? lines - 1 : lines;
    }

    /// <summary>Reads a standardised file's records in order (either format version).</summary>
    public static IEnumerable<PersonRecord> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var lines = new ZoneLines(gzip);
        var decoder = new Decoder(path);
        while (!lines.Finished)
        {
            lines.Fill();
            while (lines.TryTake(out var line))
            {
                if (decoder.Decode(line.Span) is { } record) yield return record;
            }
        }
    }

    /// <summary>Reads a standardised file's records in order (either format version).</summary>
    public static async IAsyncEnumerable<PersonRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var lines = new ZoneLines(gzip);
        var decoder = new Decoder(path);
        var records = new List<PersonRecord>();
        while (!lines.Finished)
        {
            await lines.FillAsync(cancellationToken);
            // A span cannot live across a yield in an async iterator: the buffer's records are decoded first.
            while (lines.TryTake(out var line))
            {
                if (decoder.Decode(line.Span) is { } record) records.Add(record);
            }

            foreach (var record in records) yield return record;
            records.Clear();
        }
    }

    private bool Shares(PersonRecord record) =>
        string.Equals(record.Key.Feed, shared.Feed, StringComparison.Ordinal)
        && string.Equals(record.SourceSystem, shared.SourceSystem, StringComparison.Ordinal)
        && record.ExtractDate == shared.ExtractDate
        && string.Equals(record.RawFile, shared.RawFile, StringComparison.Ordinal);

    private void WriteHeader()
    {
        json.WriteStartObject();
        json.WriteString("format", StandardisedFormat.FormatName);
        json.WriteNumber("version", version);
        json.WriteStartArray("fields");
        foreach (var field in StandardisedFormat.RowFieldsOf(version)) json.WriteStringValue(field);
        json.WriteEndArray();
        if (version != StandardisedFormat.VersionTwo)
        {
            json.WriteStartArray("interned");
            foreach (var field in StandardisedFormat.InternedFields) json.WriteStringValue(field);
            json.WriteEndArray();
            json.WriteNumber("intern_limit", StandardisedFormat.InternLimit);
            json.WriteStartObject("enums");
            WriteEnum(json, "gender", StandardisedFormat.Genders);
            WriteEnum(json, "household_role", StandardisedFormat.HouseholdRoles);
            WriteEnum(json, "involvement.service", StandardisedFormat.Services);
            WriteEnum(json, "involvement.status", StandardisedFormat.Statuses);
            json.WriteEndObject();
        }

        json.WriteStartObject("shared");
        json.WriteString("key.feed", shared.Feed);
        json.WriteString("source_system", shared.SourceSystem);
        json.WriteString("extract_date", shared.ExtractDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (shared.RawFile is null) json.WriteNull("raw_file");
        else json.WriteString("raw_file", shared.RawFile);
        json.WriteEndObject();
        json.WriteEndObject();
        EndLine();
    }

    // By number: position n names the value written as n.
    private static void WriteEnum<T>(Utf8JsonWriter json, string field, StandardisedFormat.EnumNames<T> names)
        where T : struct, Enum
    {
        json.WriteStartArray(field);
        foreach (var name in names.Names) json.WriteStringValue(name);
        json.WriteEndArray();
    }

    // Reset: the next line is a new top-level value, not the next item of a list.
    private void EndLine()
    {
        json.Flush();
        json.Reset();
        pending.Write(NewLine);
    }

    private void Compress()
    {
        gzip.Write(pending.WrittenSpan);
        pending.ResetWrittenCount();
    }

    /// <summary>Turns lines into records: the header (if the file has one) says how to read the rest.</summary>
    private sealed class Decoder(string path)
    {
        private bool started;
        private StandardisedShared? shared;
        private CompactRecordRow? compact;

        public PersonRecord? Decode(ReadOnlySpan<byte> line)
        {
            if (line.IsEmpty) return null;
            if (!started)
            {
                started = true;
                if (line.StartsWith(StandardisedFormat.HeaderStart))
                {
                    shared = Header(line);
                    return null;
                }
            }

            try
            {
                return shared is null
                    ? JsonSerializer.Deserialize<PersonRecord>(line, LakeJson.Options) ?? throw new InvalidDataException("a line holds no record")
                    : compact is not null ? compact.Read(line, shared) : PersonRecordRow.Read(line, shared);
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{path}: {exception.Message}", exception);
            }
        }

        private StandardisedShared Header(ReadOnlySpan<byte> line)
        {
            var header = JsonDocument.Parse(line.ToArray()).RootElement;
            var format = header.GetProperty("format").GetString();
            var version = header.GetProperty("version").GetInt32();
            if (format != StandardisedFormat.FormatName || version is not (StandardisedFormat.Version or StandardisedFormat.VersionThree or StandardisedFormat.VersionTwo))
            {
                throw new InvalidDataException($"{path}: format {format} version {version} is not one this build reads (versions {StandardisedFormat.VersionTwo} to {StandardisedFormat.Version}, and the headerless version 1)");
            }

            var fields = header.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToArray();
            if (!fields.SequenceEqual(StandardisedFormat.RowFieldsOf(version)))
            {
                throw new InvalidDataException($"{path}: the header's fields are not version {version}'s");
            }

            if (version != StandardisedFormat.VersionTwo)
            {
                try
                {
                    compact = CompactRecordRow.ForReading(header, version);
                }
                catch (Exception exception) when (exception is InvalidDataException or KeyNotFoundException or InvalidOperationException)
                {
                    throw new InvalidDataException($"{path}: {exception.Message}", exception);
                }
            }

            var values = header.GetProperty("shared");
            return new StandardisedShared(
                values.GetProperty("key.feed").GetString()!,
                values.GetProperty("source_system").GetString()!,
                DateOnly.ParseExact(values.GetProperty("extract_date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                values.GetProperty("raw_file").GetString());
        }
    }
}
