using SingleView.Core.Configuration;
using SingleView.Core.Model;

namespace SingleView.Serve.Configuration;

/// <summary>The roles of roles.yaml, in file order, validated on load.</summary>
internal sealed class RoleCatalogue
{
    private readonly Dictionary<string, RoleDefinition> roles;

    private RoleCatalogue(IReadOnlyList<RoleDefinition> ordered)
    {
        All = ordered;
        roles = ordered.ToDictionary(r => r.Key, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<RoleDefinition> All { get; }

    public RoleDefinition? Find(string key) => roles.GetValueOrDefault(key);

    public static RoleCatalogue Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "does not exist");
        return Parse(file, File.ReadAllText(file));
    }

    public static RoleCatalogue Parse(string file, string text)
    {
        var document = YamlDocument.Parse<RolesDocument>(file, text);
        if (document.Roles is not { Count: > 0 }) throw new ConfigurationException(file, "roles", "at least one role is required");
        var ordered = document.Roles.Select(pair => Validate(file, pair.Key, pair.Value)).ToList();
        return new RoleCatalogue(ordered);
    }

    private static RoleDefinition Validate(string file, string key, RoleDocument? role)
    {
        var field = $"roles.{key}";
        if (role is null) throw new ConfigurationException(file, field, "is empty");
        return new RoleDefinition(
            key,
            Require.Text(role.DisplayName, file, $"{field}.display_name"),
            ServicesOf(file, $"{field}.services", role.Services),
            role.ContactDetails ?? throw new ConfigurationException(file, $"{field}.contact_details", "is required (true or false)"),
            Require.Enum<RoleScope>(role.Scope, file, $"{field}.scope"))
        {
            Fields = FieldsOf(file, $"{field}.fields", role.Fields),
            PurposeRequired = role.PurposeRequired ?? false,
            ReadsAccessReports = role.AccessReports ?? false,
        };
    }

    /// <summary>Without a name and date of birth nobody can tell whom they are looking at, so every role sees them.</summary>
    internal static readonly IReadOnlyList<string> IdentityFields = [StandardFields.FirstName, StandardFields.FamilyName, StandardFields.DateOfBirth];

    private static HashSet<string> FieldsOf(string file, string field, object? value)
    {
        HashSet<string> fields;
        switch (value)
        {
            case null:
            case string all when all.Trim().Equals("all", StringComparison.OrdinalIgnoreCase):
                return StandardFields.Golden.ToHashSet(StringComparer.Ordinal);
            case IEnumerable<object> list when value is not string:
                fields = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (item, index) in list.Select((item, index) => (item as string, index)))
                {
                    var name = item?.Trim();
                    if (name is null || !StandardFields.Golden.Contains(name, StringComparer.Ordinal))
                    {
                        throw new ConfigurationException(file, $"{field}[{index}]", $"'{item}' is not a golden field ({string.Join(", ", StandardFields.Golden)})");
                    }

                    fields.Add(name);
                }

                break;
            default:
                throw new ConfigurationException(file, field, $"'{value}' is neither 'all' nor a list of fields");
        }

        var missing = IdentityFields.Where(f => !fields.Contains(f)).ToList();
        if (missing.Count > 0) throw new ConfigurationException(file, field, $"must include {string.Join(", ", missing)}: without them nobody can tell whom they are looking at");
        return fields;
    }

    private static HashSet<Service> ServicesOf(string file, string field, object? value)
    {
        switch (value)
        {
            case string text when text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase):
                return [.. Enum.GetValues<Service>()];
            case IEnumerable<object> list when value is not string:
                return [.. list.Select((item, index) => Require.Enum<Service>(item as string, file, $"{field}[{index}]"))];
            case null:
                throw new ConfigurationException(file, field, "is required ('all' or a list of services)");
            default:
                throw new ConfigurationException(file, field, $"'{value}' is neither 'all' nor a list of services");
        }
    }
}
