using Dapper;
using SingleView.Publish;

namespace SingleView.Serve.Audit;

/// <summary>One look at a person, for a subject access request.</summary>
public sealed record AccessReportEntry(string OccurredAt, string UserName, string UserSubject, string Role, string GoldenId, string? Purpose);

/// <summary>
/// Who looked at a person and when. Looks recorded under an ID the person had before a merge count too:
/// they are looks at the same person.
/// </summary>
public static class AccessReport
{
    public static async Task<IReadOnlyList<AccessReportEntry>> ForPersonAsync(ServingDatabase database, string goldenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(goldenId);
        var ids = await FormerIdsAsync(database, goldenId.Trim(), cancellationToken);
        var views = await AuditStore.ViewsOfAsync(database, ids, cancellationToken);
        return views.Select(v => new AccessReportEntry(v.OccurredAt, v.UserName, v.UserSubject, v.Role, v.GoldenId!, v.Purpose)).ToList();
    }

    /// <summary>The ID and every retired ID that redirects to it, directly or through others.</summary>
    private static async Task<IReadOnlyList<string>> FormerIdsAsync(ServingDatabase database, string goldenId, CancellationToken cancellationToken)
    {
        var found = new List<string> { goldenId };
        var seen = new HashSet<string>(found, StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var index = 0; index < found.Count && index < 1000; index++)
        {
            var older = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT old_golden_id FROM golden_id_redirect WHERE new_golden_id = @Id", new { Id = found[index] }, cancellationToken: cancellationToken));
            foreach (var id in older) if (seen.Add(id)) found.Add(id);
        }

        return found;
    }
}
