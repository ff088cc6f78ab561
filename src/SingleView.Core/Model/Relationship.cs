namespace SingleView.Core.Model;

public enum RelationshipType
{
    ParentOrCarer,
    Child,
    Sibling,
    Partner,
    HouseholdMember,
}

/// <summary>
/// How one golden person stands to another ("From is the ParentOrCarer of To"), and the evidence:
/// the feed and household that said so, or a shared address.
/// </summary>
public sealed record Relationship(
    string FromGoldenId,
    string ToGoldenId,
    RelationshipType Type,
    string SourceFeed,
    string Evidence);

/// <summary>A family or household: golden people connected by relationships.</summary>
public sealed record Family(string FamilyId, IReadOnlyList<string> Members);
