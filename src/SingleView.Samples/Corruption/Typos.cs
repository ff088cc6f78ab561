using System.Text;

namespace SingleView.Samples.Corruption;

/// <summary>The slips of a keyboard: transposed, dropped, doubled and neighbouring letters.</summary>
internal static class Typos
{
    private static readonly Dictionary<char, string> Neighbours = new()
    {
        ['q'] = "wa", ['w'] = "qes", ['e'] = "wrd", ['r'] = "etf", ['t'] = "ryg", ['y'] = "tuh", ['u'] = "yij",
        ['i'] = "uok", ['o'] = "ipl", ['p'] = "ol", ['a'] = "qsz", ['s'] = "adwx", ['d'] = "sfec", ['f'] = "dgrv",
        ['g'] = "fhtb", ['h'] = "gjyn", ['j'] = "hkum", ['k'] = "jli", ['l'] = "ko", ['z'] = "xa", ['x'] = "zcs",
        ['c'] = "xvd", ['v'] = "cbf", ['b'] = "vng", ['n'] = "bmh", ['m'] = "nj",
    };

    /// <summary>The name with one slip; names shorter than three letters are left alone.</summary>
    public static string Apply(string name, Random random)
    {
        if (name.Length < 3) return name;
        var chars = new StringBuilder(name);
        // Never the first letter: people rarely get that wrong, and blocking on it is common.
        var position = random.Next(1, name.Length - 1);
        switch (random.Next(4))
        {
            case 0 when char.IsLetter(chars[position]) && char.IsLetter(chars[position + 1]) && chars[position] != chars[position + 1]:
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                break;
            case 1 when char.IsLetter(chars[position]):
                chars.Remove(position, 1);
                break;
            case 2 when char.IsLetter(chars[position]):
                chars.Insert(position, chars[position]);
                break;
            default:
                var lower = char.ToLowerInvariant(chars[position]);
                if (Neighbours.TryGetValue(lower, out var near))
                {
                    var replacement = near[random.Next(near.Length)];
                    chars[position] = char.IsUpper(chars[position]) ? char.ToUpperInvariant(replacement) : replacement;
                }
                else
                {
                    chars.Remove(position, 1);
                }

                break;
        }

        return chars.ToString();
    }
}
