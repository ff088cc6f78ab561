using System.Data.Common;
using Dapper;
using SingleView.Golden.Identity;
using SingleView.Publish.Bulk;

namespace SingleView.Publish.Identity;

/// <summary>Writes one run's golden ID events and redirect changes, inside the publish transaction.</summary>
internal static class GoldenIdHistoryWriter
{
    private static readonly string[] EventColumns = ["run_id", "golden_id", "sequence", "event", "related_golden_id", "source_records", "occurred_at"];

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string runId, string now, GoldenIdAssignment assignment, CancellationToken cancellationToken)
    {
        var changed = assignment.RedirectsRemoved.Concat(assignment.Redirects.Select(r => r.OldGoldenId)).Distinct(StringComparer.Ordinal);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM golden_id_redirect WHERE old_golden_id = @Old",
            changed.Select(old => new { Old = old }),
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO golden_id_redirect (old_golden_id, new_golden_id, reason, run_id, redirected_at)
            VALUES (@OldGoldenId, @NewGoldenId, @Reason, @RunId, @RedirectedAt)
            """,
            assignment.Redirects.Select(r => new { r.OldGoldenId, r.NewGoldenId, r.Reason, RunId = runId, RedirectedAt = now }),
            transaction,
            cancellationToken: cancellationToken));

        await using var rows = RowWriter.Open(connection, transaction, "golden_id_event", EventColumns);
        var sequence = new Dictionary<string, int>(StringComparer.Ordinal);
        using var json = new JsonText();
        // In golden ID order (a stable sort: one person's events keep their order, and so their sequence
        // numbers): the primary key and the golden_id index then grow at their end instead of taking a random
        // B-tree insert per event (a million events on a first night).
        foreach (var e in assignment.Events.OrderBy(e => e.GoldenId, StringComparer.Ordinal))
        {
            ref var next = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sequence, e.GoldenId, out _);
            next++;
            rows.StartRow();
            rows.Text(runId);
            rows.Text(e.GoldenId);
            rows.Integer(next);
            rows.Text(e.Name);
            rows.Text(e.RelatedGoldenId);
            rows.Text(json.Strings(e.SourceRecords.Select(k => k.ToString())));
            rows.Text(now);
        }

        await rows.CompleteAsync(cancellationToken);
    }
}
