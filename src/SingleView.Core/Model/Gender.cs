namespace SingleView.Core.Model;

/// <summary>Gender as the Family Context common data model records it.</summary>
public enum Gender
{
    Unknown,
    Female,
    Male,
    Other,
}
