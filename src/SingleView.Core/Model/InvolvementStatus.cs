namespace SingleView.Core.Model;

/// <summary>Family Context's involvement values: current, historic, or none found.</summary>
public enum InvolvementStatus
{
    NoneFound,
    Current,
    Historic,
}
