namespace SingleView.Samples.Population;

/// <summary>
/// The informal forms people give services instead of their legal first name (Freddie for
/// Frederick, Mo for Mohammed), so that matching meets them as it does in practice.
/// </summary>
internal static class Nicknames
{
    private static readonly Dictionary<string, string[]> ByFormalName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Frederick"] = ["Fred", "Freddie", "Freddy"],
        ["Alfred"] = ["Alfie", "Alf"],
        ["Elizabeth"] = ["Liz", "Beth", "Lizzie", "Eliza", "Betty"],
        ["Mohammed"] = ["Mo"],
        ["Muhammad"] = ["Mo", "Mohammed"],
        ["Mohammad"] = ["Mo"],
        ["Mohamed"] = ["Mo"],
        ["Thomas"] = ["Tom", "Tommy"],
        ["William"] = ["Will", "Billy", "Liam"],
        ["James"] = ["Jim", "Jimmy", "Jamie"],
        ["Robert"] = ["Rob", "Bob", "Bobby"],
        ["Richard"] = ["Rich", "Ricky"],
        ["Michael"] = ["Mike", "Mick", "Mikey"],
        ["Christopher"] = ["Chris"],
        ["Daniel"] = ["Dan", "Danny"],
        ["Matthew"] = ["Matt"],
        ["Samuel"] = ["Sam", "Sammy"],
        ["Benjamin"] = ["Ben", "Benji"],
        ["Joseph"] = ["Joe", "Joey"],
        ["Alexander"] = ["Alex", "Xander"],
        ["Aleksander"] = ["Olek", "Alex"],
        ["Edward"] = ["Ed", "Eddie", "Ted", "Teddy"],
        ["Theodore"] = ["Theo", "Teddy"],
        ["Henry"] = ["Harry", "Hal"],
        ["Charles"] = ["Charlie"],
        ["Anthony"] = ["Tony", "Ant"],
        ["Andrew"] = ["Andy", "Drew"],
        ["Jonathan"] = ["Jon", "Jonny"],
        ["Nathan"] = ["Nate"],
        ["Joshua"] = ["Josh"],
        ["Jacob"] = ["Jake"],
        ["Zachary"] = ["Zac", "Zach"],
        ["Stephen"] = ["Steve"],
        ["Peter"] = ["Pete"],
        ["David"] = ["Dave", "Davey"],
        ["Oliver"] = ["Ollie", "Olly"],
        ["Sebastian"] = ["Seb"],
        ["Isabella"] = ["Bella", "Izzy"],
        ["Isabel"] = ["Izzy", "Bel"],
        ["Isabelle"] = ["Izzy", "Belle"],
        ["Olivia"] = ["Liv", "Livvy"],
        ["Amelia"] = ["Millie", "Amy"],
        ["Charlotte"] = ["Lottie", "Charlie"],
        ["Victoria"] = ["Vicky", "Tori"],
        ["Catherine"] = ["Kate", "Cathy", "Katie"],
        ["Jessica"] = ["Jess", "Jessie"],
        ["Rebecca"] = ["Becky", "Becca"],
        ["Samantha"] = ["Sam", "Sammie"],
        ["Jennifer"] = ["Jen", "Jenny"],
        ["Margaret"] = ["Maggie", "Peggy"],
        ["Eleanor"] = ["Ellie", "Nell"],
        ["Florence"] = ["Flo", "Florrie"],
        ["Matilda"] = ["Tilly", "Tilda"],
        ["Evelyn"] = ["Evie"],
        ["Penelope"] = ["Penny"],
        ["Sophia"] = ["Sophie"],
        ["Natalie"] = ["Nat"],
        ["Stephanie"] = ["Steph"],
        ["Nicola"] = ["Nicky"],
        ["Louise"] = ["Lou"],
        ["Danielle"] = ["Dani"],
        ["Kimberley"] = ["Kim"],
        ["Abigail"] = ["Abi", "Abby"],
        ["Oluwaseun"] = ["Seun"],
        ["Oluwatobi"] = ["Tobi"],
        ["Chukwuemeka"] = ["Emeka"],
        ["Babatunde"] = ["Tunde"],
        ["Katarzyna"] = ["Kasia"],
        ["Magdalena"] = ["Magda"],
        ["Abdirahman"] = ["Abdi"],
        ["Abdullahi"] = ["Abdi"],
        ["Zakariya"] = ["Zak"],
        ["Ibrahim"] = ["Ibby"],
    };

    public static bool HasNickname(string formalName) => ByFormalName.ContainsKey(formalName);

    /// <summary>An informal form of the name, or null when the name has none.</summary>
    public static string? For(string formalName, Random random) =>
        ByFormalName.TryGetValue(formalName, out var informal) ? informal[random.Next(informal.Length)] : null;

    public static bool IsNicknameOf(string nickname, string formalName) =>
        ByFormalName.TryGetValue(formalName, out var informal) && informal.Contains(nickname, StringComparer.OrdinalIgnoreCase);
}
