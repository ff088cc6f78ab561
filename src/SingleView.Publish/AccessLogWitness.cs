using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SingleView.Publish;

/// <summary>The head of the access log's hash chain: how many entries it holds and the hash of the last.</summary>
public sealed record AccessLogHead(long Entries, string Hash)
{
    /// <summary>An empty log: no entries, and the hash the first entry chains to.</summary>
    public static AccessLogHead Empty { get; } = new(0, "0000000000000000000000000000000000000000000000000000000000000000");
}

/// <summary>What the witness file holds: a head, when it was seen and by what (publish or verify).</summary>
public sealed record AccessLogWitnessRecord
{
    [JsonPropertyName("entries")]
    public required long Entries { get; init; }

    [JsonPropertyName("last_hash")]
    public required string LastHash { get; init; }

    [JsonPropertyName("recorded_at")]
    public required string RecordedAt { get; init; }

    [JsonPropertyName("recorded_by")]
    public required string RecordedBy { get; init; }

    public AccessLogHead Head => new(Entries, LastHash);
}

/// <summary>
/// The access log's head anchored outside the log. The chain itself shows an entry changed, moved or deleted
/// from the middle, but not entries cut from the end with the head moved back, nor a log emptied or deleted:
/// what is left is a valid chain. So every publish and every <c>audit verify</c> writes the head it saw to a
/// witness file, and verify fails when the log no longer reaches it. The file is a setting (<c>--audit-witness</c>,
/// schedule.yaml <c>refresh.audit_witness</c>), by default beside the serving data; an operator who keeps it where
/// whoever can change the log cannot (another host, write-once storage) makes the anchor hold against them too.
/// See docs/access-log.md.
/// </summary>
public static class AccessLogWitness
{
    /// <summary>What replaces a SQLite serving file's extension in the default witness's name; on PostgreSQL the file is in the data directory.</summary>
    public const string Suffix = ".audit-witness.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Beside a SQLite serving file (<c>singleview.db</c> → <c>singleview.audit-witness.json</c>); for PostgreSQL, or a
    /// SQLite database that is not a file, <c>&lt;data&gt;/singleview.audit-witness.json</c>.
    /// </summary>
    public static string DefaultPath(ServingDatabase serving, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(serving);
        if (LogFile(serving) is not null)
        {
            var servingPath = ServingPath(serving);
            return Path.Combine(Path.GetDirectoryName(servingPath) ?? string.Empty, Path.GetFileNameWithoutExtension(servingPath) + Suffix);
        }

        return Path.Combine(dataDirectory, "singleview" + Suffix);
    }

    /// <summary>The witness, or null when there is none yet. A file that is not a witness throws <see cref="InvalidDataException"/>.</summary>
    public static AccessLogWitnessRecord? Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return null;
        try
        {
            var record = JsonSerializer.Deserialize<AccessLogWitnessRecord>(File.ReadAllText(path), Json);
            if (record is null || record.Entries < 0 || record.LastHash.Length != AccessLogHead.Empty.Hash.Length) throw new InvalidDataException($"{path} is not an access log witness");
            return record;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not an access log witness: {exception.Message}", exception);
        }
    }

    /// <summary>Writes the head as the new witness (under a temporary name, then renamed: never half-written).</summary>
    public static void Write(string path, AccessLogHead head, string recordedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(head);
        var record = new AccessLogWitnessRecord
        {
            Entries = head.Entries,
            LastHash = head.Hash,
            RecordedAt = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            RecordedBy = recordedBy,
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// After a publish: records the log's head as the witness if it still reaches the witness's (a witness only moves
    /// forward). Returns why it did not, for the run's log, or null. A log that fell behind is left for
    /// <c>audit verify</c> to name; the publish itself goes on.
    /// </summary>
    public static async Task<string?> RecordAsync(ServingDatabase serving, string witnessPath, string recordedBy, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var witness = Read(witnessPath);
        var head = await ReadHeadAsync(serving, cancellationToken) ?? AccessLogHead.Empty;
        if (witness is not null && witness.Entries > 0)
        {
            var hashThen = head.Entries >= witness.Entries ? await HashOfEntryAsync(serving, witness.Entries, cancellationToken) : null;
            if (!string.Equals(hashThen, witness.LastHash, StringComparison.Ordinal))
            {
                return $"the access log no longer reaches its witness ({witnessPath}: {witness.Entries} entries, recorded {witness.RecordedAt}); the witness is kept, run `singleview audit verify`";
            }
        }

        Write(witnessPath, head, recordedBy, timeProvider.GetUtcNow());
        return null;
    }

    /// <summary>The log's head as the log says it, or null when there is no log (no file beside a SQLite database, or no head row).</summary>
    public static async Task<AccessLogHead?> ReadHeadAsync(ServingDatabase serving, CancellationToken cancellationToken = default)
    {
        var log = LogDatabase(serving);
        if (log is null) return null;
        await using var connection = await log.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            "SELECT last_sequence, last_hash FROM audit_head WHERE chain = 'main'", cancellationToken: cancellationToken));
        return row is { } head ? new AccessLogHead(head.Sequence, head.Hash) : null;
    }

    /// <summary>
    /// The access log's own file beside a SQLite serving file (<c>singleview.db</c> → <c>singleview.audit.db</c>, as
    /// the view's AccessLogFile names it), or null for PostgreSQL and a SQLite database that is not a file.
    /// </summary>
    public static string? LogFile(ServingDatabase serving)
    {
        ArgumentNullException.ThrowIfNull(serving);
        if (serving.Provider != DatabaseProvider.Sqlite) return null;
        var servingPath = ServingPath(serving);
        if (servingPath.Length == 0 || servingPath.StartsWith(':')) return null;
        return Path.Combine(Path.GetDirectoryName(servingPath) ?? string.Empty, Path.GetFileNameWithoutExtension(servingPath) + ".audit.db");
    }

    private static async Task<string?> HashOfEntryAsync(ServingDatabase serving, long sequence, CancellationToken cancellationToken)
    {
        var log = LogDatabase(serving);
        if (log is null) return null;
        await using var connection = await log.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT hash FROM audit_entry WHERE sequence = @Sequence", new { Sequence = sequence }, cancellationToken: cancellationToken));
    }

    // Where the log is read: its own file beside a SQLite serving file (never created here), else the serving database.
    private static ServingDatabase? LogDatabase(ServingDatabase serving)
    {
        if (LogFile(serving) is not { } file) return serving;
        return File.Exists(file) ? ServingDatabase.Sqlite(file) : null;
    }

    private static string ServingPath(ServingDatabase serving) => new SqliteConnectionStringBuilder(serving.ConnectionString).DataSource;
}
