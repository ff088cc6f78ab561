namespace SingleView.Core.Model;

/// <summary>A person's role in a household as a source states it, reduced to what families need.</summary>
public enum HouseholdRole
{
    Unknown,
    ParentOrCarer,
    Child,
    Partner,
    OtherMember,
}
