namespace SingleView.Serve.People;

internal static class PersonNames
{
    public static string Full(string? first, string? middle, string? family)
    {
        var name = string.Join(' ', new[] { first, middle, family }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return name.Length == 0 ? "(name not recorded)" : name;
    }
}
