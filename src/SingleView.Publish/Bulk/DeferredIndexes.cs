using System.Data.Common;
using Dapper;

namespace SingleView.Publish.Bulk;

/// <summary>
/// SQLite only: the secondary indexes of the published tables, dropped before the load and created again
/// after it, inside the publication's transaction. Building an index from the loaded rows is one sort;
/// keeping it up to date row by row is a random B-tree insert per row and index (person has ten), which
/// was most of the publish. Readers see the previous publication, indexes included, until the commit.
/// </summary>
/// <remarks>
/// The definitions are read back from the database's own schema, so the migrations in sql/ stay the one
/// place indexes are declared. Not for PostgreSQL: DROP INDEX locks the table against readers until the
/// commit, and binary COPY keeps the indexes up to date cheaply enough.
/// </remarks>
internal sealed class DeferredIndexes
{
    private readonly IReadOnlyList<(string Name, string Definition)> indexes;

    private DeferredIndexes(IReadOnlyList<(string Name, string Definition)> indexes) => this.indexes = indexes;

    public int Count => indexes.Count;

    public static async Task<DeferredIndexes> DropAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // Automatic indexes (primary keys) have no SQL and cannot be dropped; they are filled in key order.
        var found = (await connection.QueryAsync<(string Name, string Definition)>(new CommandDefinition(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN @Tables ORDER BY name",
            new { Tables = tables },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        foreach (var (name, _) in found)
        {
            // An identifier cannot be a parameter; the name comes from the schema and is checked to be a plain one.
            if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) throw new InvalidOperationException($"Unexpected index name '{name}'.");
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX \"{name}\"", transaction: transaction, cancellationToken: cancellationToken));
        }

        return new DeferredIndexes(found);
    }

    public async Task CreateAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var (_, definition) in indexes)
        {
            await connection.ExecuteAsync(new CommandDefinition(definition, transaction: transaction, cancellationToken: cancellationToken));
        }
    }
}
