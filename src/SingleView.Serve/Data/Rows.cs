namespace SingleView.Serve.Data;

// Rows as the serving database holds them (see sql/0001_serving_schema.sql). Mutable classes because
// Dapper fills them by column alias; nothing outside Data/ sees them unshaped by the access policy.

internal sealed class PersonRow
{
    public string GoldenId { get; set; } = string.Empty;
    public string Kind { get; set; } = "Unknown";
    public string? FirstName { get; set; }
    public string? MiddleNames { get; set; }
    public string? FamilyName { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Gender { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    public string? CasePersonId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? FamilyId { get; set; }
    public long Restricted { get; set; }
    public string? FirstNameKey { get; set; }
    public string? FamilyNameKey { get; set; }
}

internal sealed class LineageRow
{
    public string Field { get; set; } = string.Empty;
    public string Value { get; set; } = string.Empty;
    public string SourceFeed { get; set; } = string.Empty;
    public string SourceRecordId { get; set; } = string.Empty;
    public string SourceSystem { get; set; } = string.Empty;
    public string ExtractDate { get; set; } = string.Empty;
    public string Rule { get; set; } = string.Empty;
    public string OtherValues { get; set; } = "[]";
}

internal sealed class InvolvementRow
{
    public string Feed { get; set; } = string.Empty;
    public string RecordId { get; set; } = string.Empty;
    public string Service { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Nature { get; set; }
    public string? Organisation { get; set; }
    public string? ContactName { get; set; }
    public string? ContactRole { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string Details { get; set; } = "{}";
}

internal sealed class FeedStatusRow
{
    public string Feed { get; set; } = string.Empty;
    public string SourceSystem { get; set; } = string.Empty;
    public string Service { get; set; } = string.Empty;
    public string State { get; set; } = string.Empty;
    public string? CurrentAsOf { get; set; }
    public string? CoverageStart { get; set; }
    public string? CoverageEnd { get; set; }
    public string? CoverageArea { get; set; }
    public string? Message { get; set; }
    public string? LaunchUrl { get; set; }
}

internal sealed class FamilyRow
{
    public string GoldenId { get; set; } = string.Empty;
    public string RelationshipType { get; set; } = string.Empty;
    public string SourceFeed { get; set; } = string.Empty;
    public string Evidence { get; set; } = string.Empty;
    public string? FirstName { get; set; }
    public string? FamilyName { get; set; }
    public string? DateOfBirth { get; set; }
    public string Kind { get; set; } = "Unknown";
}

internal sealed class SourceRecordRow
{
    public string Feed { get; set; } = string.Empty;
    public string RecordId { get; set; } = string.Empty;
    public string SourceSystem { get; set; } = string.Empty;
    public string ExtractDate { get; set; } = string.Empty;
    public string? FirstName { get; set; }
    public string? FamilyName { get; set; }
    public string? DateOfBirth { get; set; }
}

internal sealed class MatchPairRow
{
    public string FeedA { get; set; } = string.Empty;
    public string RecordA { get; set; } = string.Empty;
    public string FeedB { get; set; } = string.Empty;
    public string RecordB { get; set; } = string.Empty;
    public string Decision { get; set; } = string.Empty;
    public double MatchWeight { get; set; }
    public double MatchProbability { get; set; }
    public string Explanation { get; set; } = "{}";
}

internal sealed class SchoolRow
{
    public string? Organisation { get; set; }
    public string Details { get; set; } = "{}";
}

internal sealed class PublicationRow
{
    public long PublicationId { get; set; }
    public string PublishedAt { get; set; } = string.Empty;
}
