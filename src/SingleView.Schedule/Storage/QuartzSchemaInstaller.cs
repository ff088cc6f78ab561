using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using SingleView.Publish;

namespace SingleView.Schedule.Storage;

/// <summary>
/// Creates Quartz's job store tables in the serving database. They differ per provider, so they are
/// kept as Quartz ships them (sql/quartz/sqlite.sql, sql/quartz/postgresql.sql) rather than as a
/// portable numbered migration, and recorded in schema_version at the number reserved for them.
/// Hosts starting together take the migration runner's lock, so the script runs once.
/// </summary>
public sealed partial class QuartzSchemaInstaller(ServingDatabase database, TimeProvider timeProvider)
{
    /// <summary>The schema_version number reserved for Quartz's tables: no sql/0005_*.sql may be added.</summary>
    public const int SchemaVersion = 5;

    // The same key as MigrationRunner's, so Quartz's tables and the numbered scripts never install at once.
    private const long PostgreSqlLockKey = 0x5349_4E47_4C45;

    public static string ScriptName(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? "quartz/postgresql.sql" : "quartz/sqlite.sql";

    /// <summary>Applies the numbered migrations, then Quartz's tables if missing. Returns whether Quartz's script ran now.</summary>
    public async Task<bool> InstallAsync(CancellationToken cancellationToken = default)
    {
        await new MigrationRunner(database, timeProvider).ApplyAsync(cancellationToken);
        var name = ScriptName(database.Provider);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgreSqlLockKey }, transaction);
        }

        var done = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { Version = SchemaVersion }, transaction);
        if (done > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var statement in Statements(ReadScript(name)))
        {
            await connection.ExecuteAsync(statement, transaction: transaction);
        }

        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { Version = SchemaVersion, Name = name, AppliedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    internal static string ReadScript(string name)
    {
        var assembly = typeof(QuartzSchemaInstaller).Assembly;
        using var stream = assembly.GetManifestResourceStream("sql/" + name)
            ?? throw new InvalidOperationException($"sql/{name} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Quartz separates statements with a line reading exactly "--;;"; pieces holding only comments are skipped.</summary>
    internal static IReadOnlyList<string> Statements(string script) =>
        Separator().Split(script)
            .Where(piece => piece.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .Select(piece => piece.Trim())
            .ToList();

    [GeneratedRegex(@"^--;;\s*$", RegexOptions.Multiline)]
    private static partial Regex Separator();
}
