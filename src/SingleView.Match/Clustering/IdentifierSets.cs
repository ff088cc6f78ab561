namespace SingleView.Match.Clustering;

/// <summary>
/// Per cluster root, the distinct values of one identifier (NHS number or UPN) its records hold, as
/// numbers: most clusters hold one value or none, so the first is kept inline and only a cluster with
/// several gets a list. Two clusters conflict when both hold values and share none.
/// </summary>
internal sealed class IdentifierSets
{
    private readonly int[] first;
    private readonly List<int>?[] more;

    /// <summary><paramref name="values"/>: each record's value number, 0 for none.</summary>
    public IdentifierSets(int[] values)
    {
        first = values;
        more = new List<int>?[values.Length];
    }

    public bool Conflict(int a, int b)
    {
        if (first[a] == 0 || first[b] == 0) return false;
        if (Contains(b, first[a])) return false;
        if (more[a] is { } others)
        {
            foreach (var value in others)
            {
                if (Contains(b, value)) return false;
            }
        }

        return true;
    }

    /// <summary>The root takes the child's values (a set union).</summary>
    public void Merge(int root, int child)
    {
        if (first[child] == 0) return;
        Add(root, first[child]);
        if (more[child] is { } others)
        {
            foreach (var value in others) Add(root, value);
        }
    }

    private bool Contains(int cluster, int value) => first[cluster] == value || (more[cluster] is { } others && others.Contains(value));

    private void Add(int cluster, int value)
    {
        if (first[cluster] == 0) first[cluster] = value;
        else if (!Contains(cluster, value)) (more[cluster] ??= []).Add(value);
    }
}
