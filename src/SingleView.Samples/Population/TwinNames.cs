namespace SingleView.Samples.Population;

/// <summary>
/// Pairs of similar names parents give twins (Isla and Isabel, Jack and Jake): the hardest case for
/// matching, because a typo can turn one twin into the other.
/// </summary>
internal static class TwinNames
{
    private static readonly (string First, string Second)[] Girls =
    [
        ("Isla", "Isabel"), ("Ella", "Ellie"), ("Lily", "Lila"), ("Mia", "Maya"), ("Ruby", "Rosie"), ("Evie", "Eva"),
        ("Freya", "Faye"), ("Amelia", "Amelie"), ("Sophie", "Sophia"), ("Aisha", "Ayesha"), ("Maryam", "Mariam"),
    ];

    private static readonly (string First, string Second)[] Boys =
    [
        ("Jack", "Jake"), ("Harry", "Harvey"), ("Aiden", "Aaron"), ("Leo", "Leon"), ("Archie", "Alfie"), ("Callum", "Calvin"),
        ("Hassan", "Hussain"), ("Zain", "Zayn"), ("Louie", "Lewis"), ("Ryan", "Riley"),
    ];

    public static (string First, string Second) Pick(Sex sex, Random random)
    {
        var pairs = sex == Sex.Female ? Girls : Boys;
        var pair = pairs[random.Next(pairs.Length)];
        return random.Next(2) == 0 ? pair : (pair.Second, pair.First);
    }
}
