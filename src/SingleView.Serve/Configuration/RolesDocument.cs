namespace SingleView.Serve.Configuration;

/// <summary>The shape of roles.yaml as written; <see cref="RoleCatalogue"/> validates it.</summary>
internal sealed class RolesDocument
{
    public Dictionary<string, RoleDocument>? Roles { get; set; }
}

internal sealed class RoleDocument
{
    public string? DisplayName { get; set; }

    /// <summary>"all", or a list of Service names.</summary>
    public object? Services { get; set; }

    /// <summary>"all" (the default), or a list of golden field names.</summary>
    public object? Fields { get; set; }

    public bool? ContactDetails { get; set; }

    public string? Scope { get; set; }

    public bool? PurposeRequired { get; set; }

    public bool? AccessReports { get; set; }
}
