namespace SingleView.Serve.Configuration;

/// <summary>Which people a role may find and open.</summary>
internal enum RoleScope
{
    /// <summary>Everyone the authority holds.</summary>
    Authority,

    /// <summary>Only pupils on the roll of the user's own school (a current school involvement with its URN).</summary>
    SchoolRoll,
}
