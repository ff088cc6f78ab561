using System.Data.Common;
using Dapper;
using SingleView.Publish;
using SingleView.Schedule.History;
using SingleView.Schedule.Storage;

namespace SingleView.Schedule.Digests;

/// <summary>The digests in the serving database: for the DSL's page, the admin page, and delivery.</summary>
public sealed class DigestStore(ServingDatabase database)
{
    /// <summary>A school's digests, newest first: what its DSL sees in the app.</summary>
    public Task<IReadOnlyList<Digest>> ForSchoolAsync(string schoolUrn, int limit = 30, CancellationToken cancellationToken = default) =>
        QueryAsync("WHERE school_urn = @SchoolUrn", new { SchoolUrn = schoolUrn, Limit = limit }, cancellationToken);

    /// <summary>The latest digests of every school, newest first, for the administrator.</summary>
    public Task<IReadOnlyList<Digest>> RecentAsync(int limit = 30, CancellationToken cancellationToken = default) =>
        QueryAsync(string.Empty, new { Limit = limit }, cancellationToken);

    /// <summary>Digests not yet delivered, oldest first.</summary>
    public Task<IReadOnlyList<Digest>> UndeliveredAsync(int maxTries, CancellationToken cancellationToken = default) =>
        QueryAsync("WHERE delivery_state <> @Sent AND attempts < @MaxTries", new { Sent = Text(DeliveryState.Sent), MaxTries = maxTries, Limit = 1000 }, cancellationToken, oldestFirst: true);

    public async Task MarkSentAsync(string digestId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE digest SET delivery_state = @State, attempts = attempts + 1, last_attempt_at = @At, delivered_at = @At, last_error = NULL WHERE digest_id = @DigestId",
            new { DigestId = digestId, State = Text(DeliveryState.Sent), At = Timestamps.Text(at) });
    }

    public async Task MarkFailedAsync(string digestId, DateTimeOffset at, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE digest SET delivery_state = @State, attempts = attempts + 1, last_attempt_at = @At, last_error = @Error WHERE digest_id = @DigestId",
            new { DigestId = digestId, State = Text(DeliveryState.Failed), At = Timestamps.Text(at), Error = error });
    }

    /// <summary>Deletes digests (and their items) made before the cut-off; returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutOff, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { CutOff = Timestamps.Text(cutOff) };
        await connection.ExecuteAsync("DELETE FROM digest_item WHERE digest_id IN (SELECT digest_id FROM digest WHERE created_at < @CutOff)", parameters, transaction);
        var deleted = await connection.ExecuteAsync("DELETE FROM digest WHERE created_at < @CutOff", parameters, transaction);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    internal static async Task InsertAsync(DbConnection connection, Digest digest, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO digest (digest_id, subscription, school_urn, recipient, created_at, item_count, subject, body, delivery_state, attempts)
            VALUES (@DigestId, @Subscription, @SchoolUrn, @Recipient, @CreatedAt, @ItemCount, @Subject, @Body, @State, 0)
            """,
            new
            {
                digest.DigestId,
                digest.Subscription,
                digest.SchoolUrn,
                digest.Recipient,
                CreatedAt = Timestamps.Text(digest.CreatedAt),
                ItemCount = digest.Items.Count,
                digest.Subject,
                digest.Body,
                State = Text(DeliveryState.Pending),
            },
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO digest_item (digest_id, subscription, event_key, pupil_name, date_of_birth, kind, event_date, contact_name, contact_role, contact_phone)
            VALUES (@DigestId, @Subscription, @EventKey, @PupilName, @DateOfBirth, @Kind, @EventDate, @ContactName, @ContactRole, @ContactPhone)
            """,
            digest.Items.Select(i => new { digest.DigestId, digest.Subscription, i.EventKey, i.PupilName, i.DateOfBirth, i.Kind, i.EventDate, i.ContactName, i.ContactRole, i.ContactPhone }),
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Text(DeliveryState state) => state.ToString().ToLowerInvariant();

    private async Task<IReadOnlyList<Digest>> QueryAsync(string where, object parameters, CancellationToken cancellationToken, bool oldestFirst = false)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DigestRow>(new CommandDefinition(
            $"""
            SELECT digest_id AS DigestId, subscription AS Subscription, school_urn AS SchoolUrn, recipient AS Recipient, created_at AS CreatedAt,
                   subject AS Subject, body AS Body, delivery_state AS DeliveryState, attempts AS Attempts, last_attempt_at AS LastAttemptAt,
                   last_error AS LastError, delivered_at AS DeliveredAt
            FROM digest {where}
            ORDER BY created_at {(oldestFirst ? "ASC" : "DESC")}, digest_id
            LIMIT @Limit
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return [];
        var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"""
            SELECT digest_id AS DigestId, event_key AS EventKey, pupil_name AS PupilName, date_of_birth AS DateOfBirth, kind AS Kind,
                   event_date AS EventDate, contact_name AS ContactName, contact_role AS ContactRole, contact_phone AS ContactPhone
            FROM digest_item WHERE {RunHistory.InList(database, "digest_id")}
            ORDER BY event_date, pupil_name, event_key
            """,
            new { Ids = rows.Select(r => r.DigestId).ToArray() },
            cancellationToken: cancellationToken))).ToLookup(i => i.DigestId);
        return rows.Select(r => new Digest
        {
            DigestId = r.DigestId,
            Subscription = r.Subscription,
            SchoolUrn = r.SchoolUrn,
            Recipient = r.Recipient,
            CreatedAt = Timestamps.Parse(r.CreatedAt),
            Subject = r.Subject,
            Body = r.Body,
            Items = items[r.DigestId].Select(i => new DigestItem(i.EventKey, i.PupilName, i.DateOfBirth, i.Kind, i.EventDate, i.ContactName, i.ContactRole, i.ContactPhone)).ToList(),
            DeliveryState = Enum.Parse<DeliveryState>(r.DeliveryState, ignoreCase: true),
            Attempts = (int)r.Attempts,
            LastAttemptAt = Timestamps.ParseOptional(r.LastAttemptAt),
            LastError = r.LastError,
            DeliveredAt = Timestamps.ParseOptional(r.DeliveredAt),
        }).ToList();
    }

    private sealed record DigestRow
    {
        public string DigestId { get; init; } = "";
        public string Subscription { get; init; } = "";
        public string SchoolUrn { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
        public string DeliveryState { get; init; } = "";
        public long Attempts { get; init; }
        public string? LastAttemptAt { get; init; }
        public string? LastError { get; init; }
        public string? DeliveredAt { get; init; }
    }

    private sealed record ItemRow
    {
        public string DigestId { get; init; } = "";
        public string EventKey { get; init; } = "";
        public string PupilName { get; init; } = "";
        public string? DateOfBirth { get; init; }
        public string Kind { get; init; } = "";
        public string EventDate { get; init; } = "";
        public string? ContactName { get; init; }
        public string? ContactRole { get; init; }
        public string? ContactPhone { get; init; }
    }
}
