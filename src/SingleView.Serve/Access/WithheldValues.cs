using System.Buffers;

namespace SingleView.Serve.Access;

/// <summary>
/// The one place that decides what of restricted people's values is withheld, for every page, API answer, search,
/// workbench view and export: each restricted person's address, postcode, phone and e-mail, as the golden record
/// and every one of their source records (and every record flagged restricted) gave them. A value is withheld
/// wherever it appears — on the restricted person, and on anyone else whose value it is: the mother or partner at
/// the same home, a sibling's phone, another record's "other values", a quarantined row. A home is one thing: when
/// either its address or its postcode is withheld, both are. Values are compared on their letters and digits only,
/// upper-cased, so "SK4 9ZZ", "sk49zz" and "07700 900123" / "+44 7700 900123" are the same value.
/// </summary>
internal sealed class WithheldValues
{
    /// <summary>Shorter values (after compaction) would match too much ordinary text to be told apart.</summary>
    private const int ShortestValue = 5;

    private readonly HashSet<string> values;
    private readonly SearchValues<string>? anyValue;

    public static readonly WithheldValues None = new([]);

    public WithheldValues(IEnumerable<string?> restrictedValues)
    {
        values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in restrictedValues)
        {
            var compact = Compact(value);
            if (compact.Length < ShortestValue) continue;
            values.Add(compact);
            // A UK number written internationally is the same number.
            if (compact.StartsWith("44", StringComparison.Ordinal) && compact.Length >= 12 && compact.All(char.IsAsciiDigit)) values.Add("0" + compact[2..]);
            else if (compact.StartsWith('0') && compact.Length >= 10 && compact.All(char.IsAsciiDigit)) values.Add("44" + compact[1..]);
        }

        anyValue = values.Count == 0 ? null : SearchValues.Create([.. values], StringComparison.Ordinal);
    }

    public int Count => values.Count;

    /// <summary>Whether the text holds a withheld value anywhere in it (an address inside "Flat 2, ...", a postcode inside a raw row).</summary>
    public bool Mentions(string? text)
    {
        if (anyValue is null || string.IsNullOrWhiteSpace(text)) return false;
        var compact = Compact(text);
        return compact.Length >= ShortestValue && compact.AsSpan().ContainsAny(anyValue);
    }

    /// <summary>Whether a home (an address and its postcode) is withheld: either of them is a restricted person's.</summary>
    public bool WithholdsHome(string? address, string? postcode) => Mentions(address) || Mentions(postcode);

    /// <summary>The text, or null when it holds a withheld value.</summary>
    public string? Shown(string? text) => Mentions(text) ? null : text;

    private static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        return string.Create(text.Count(char.IsLetterOrDigit), text, static (target, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c)) target[i++] = char.ToUpperInvariant(c);
            }
        });
    }
}
