namespace SingleView.Samples.Population;

/// <summary>
/// The naming tradition a family's names are drawn from, so that a family called Khan is not
/// headed by a Gareth and a child's middle name fits its first name.
/// </summary>
internal sealed record NameCulture(
    string Name,
    WeightedList<string> Girls,
    WeightedList<string> Boys,
    WeightedList<string> Women,
    WeightedList<string> Men,
    WeightedList<string> Surnames,
    double MiddleNameShare);
