using System.Collections;
using System.Diagnostics.CodeAnalysis;
using SingleView.Core.Model;
using SingleView.Golden.Survivorship;

namespace SingleView.Golden;

/// <summary>
/// A golden record's fields held as which member supplied each one; a field's lineage (the chosen value,
/// the rule's words, every other value with its source) is made again each time it is read. At a million
/// records the lineage objects of every person held at once were about a gigabyte; this is tens of bytes
/// per person, and what is read is what <see cref="GoldenRecordBuilder.Build"/> would have held.
/// </summary>
internal sealed class CompactGoldenFields : IReadOnlyDictionary<string, FieldLineage>
{
    /// <summary>No member supplied the field (every member's value is empty).</summary>
    public const ushort None = ushort.MaxValue;

    private readonly GoldenRecordBuilder.FieldRule[] rules;
    private readonly PersonRecord[] members;
    private readonly ushort[] chosen;

    /// <param name="chosen">Per field of <paramref name="rules"/>, the index of the member whose value survived, or <see cref="None"/>.</param>
    public CompactGoldenFields(GoldenRecordBuilder.FieldRule[] rules, PersonRecord[] members, ushort[] chosen)
    {
        this.rules = rules;
        this.members = members;
        this.chosen = chosen;
        foreach (var c in chosen)
        {
            if (c != None) Count++;
        }
    }

    public int Count { get; }

    public IEnumerable<string> Keys
    {
        get
        {
            for (var f = 0; f < rules.Length; f++)
            {
                if (chosen[f] != None) yield return rules[f].Field;
            }
        }
    }

    public IEnumerable<FieldLineage> Values
    {
        get
        {
            for (var f = 0; f < rules.Length; f++)
            {
                if (chosen[f] != None) yield return Lineage(f);
            }
        }
    }

    public FieldLineage this[string key] => TryGetValue(key, out var lineage) ? lineage : throw new KeyNotFoundException($"No golden field '{key}'.");

    /// <summary>The field's value alone, without making its lineage.</summary>
    public string? ChosenValue(string field)
    {
        var f = IndexOf(field);
        return f >= 0 && chosen[f] != None ? StandardFields.ValueOf(members[chosen[f]], field) : null;
    }

    public bool ContainsKey(string key)
    {
        var f = IndexOf(key);
        return f >= 0 && chosen[f] != None;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldLineage value)
    {
        var f = IndexOf(key);
        value = f >= 0 && chosen[f] != None ? Lineage(f) : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, FieldLineage>> GetEnumerator()
    {
        for (var f = 0; f < rules.Length; f++)
        {
            if (chosen[f] != None) yield return new KeyValuePair<string, FieldLineage>(rules[f].Field, Lineage(f));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string field)
    {
        for (var f = 0; f < rules.Length; f++)
        {
            if (string.Equals(rules[f].Field, field, StringComparison.Ordinal)) return f;
        }

        return -1;
    }

    /// <summary>As the builder made it: the values in member order, the chosen one taken out of the others.</summary>
    private FieldLineage Lineage(int f)
    {
        var (field, rule, _, text) = rules[f];
        var best = chosen[f];
        SourcedValue? survivor = null;
        var valueCount = 0;
        foreach (var member in members)
        {
            if (!string.IsNullOrEmpty(StandardFields.ValueOf(member, field))) valueCount++;
        }

        var others = valueCount == 1 ? [] : new SourcedValue[valueCount - 1];
        var chosenValue = StandardFields.ValueOf(members[best], field)!;
        var agreeing = 0;
        for (int m = 0, o = 0; m < members.Length; m++)
        {
            var member = members[m];
            var value = StandardFields.ValueOf(member, field);
            if (string.IsNullOrEmpty(value)) continue;
            if (string.Equals(value, chosenValue, StringComparison.Ordinal)) agreeing++;
            var sourced = new SourcedValue(value, member.Key, member.SourceSystem, member.ExtractDate);
            if (m == best) survivor = sourced;
            else others[o++] = sourced;
        }

        return new FieldLineage { Field = field, Chosen = survivor!, Rule = FieldSurvivor.Because(rule, text, agreeing, valueCount), OtherValues = others };
    }
}
