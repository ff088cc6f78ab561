using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;

namespace SingleView.Publish;

/// <summary>One numbered script from <c>sql/</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Text);

/// <summary>
/// Applies the numbered scripts in <c>sql/</c> in order, each once, recording them in
/// <c>schema_version</c>. Hosts that start together take a lock first, so a script never runs twice.
/// </summary>
public sealed class MigrationRunner(ServingDatabase database, TimeProvider timeProvider)
{
    private const long PostgreSqlLockKey = 0x5349_4E47_4C45; // "SINGLE"

    public static IReadOnlyList<MigrationScript> EmbeddedScripts()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>Applies what is missing; returns the scripts applied now.</summary>
    public async Task<IReadOnlyList<MigrationScript>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var scripts = EmbeddedScripts();
        var applied = new List<MigrationScript>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var create = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Under the lock too: two hosts creating the table at once collide in PostgreSQL's catalogue.
            await TakeLockAsync(connection, create);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                transaction: create);
            await create.CommitAsync(cancellationToken);
        }

        foreach (var script in scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await TakeLockAsync(connection, transaction);
            var done = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { script.Version }, transaction);
            if (done > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(script.Text, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { script.Version, script.Name, AppliedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script);
        }

        return applied;
    }

    private async Task TakeLockAsync(DbConnection connection, DbTransaction transaction)
    {
        // SQLite: Microsoft.Data.Sqlite begins IMMEDIATE transactions, which already hold the write lock.
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgreSqlLockKey }, transaction);
        }
    }

    private static MigrationScript Read(Assembly assembly, string resource)
    {
        var name = resource["sql/".Length..];
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) throw new InvalidOperationException($"sql/{name} does not start with its version number");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }
}
