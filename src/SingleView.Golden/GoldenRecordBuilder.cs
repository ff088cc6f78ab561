using System.Globalization;
using SingleView.Core.Model;
using SingleView.Golden.Survivorship;

namespace SingleView.Golden;

/// <summary>Builds one golden record per person from the source records that make them up. Thread-safe.</summary>
public sealed class GoldenRecordBuilder
{
    private readonly string[] defaultOrder;
    private readonly FieldRule[] fields;

    public GoldenRecordBuilder(SurvivorshipRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        defaultOrder = [.. rules.DefaultOrder];
        fields = StandardFields.Golden.Select(f => new FieldRule(f, rules.Fields[f].Rule, rules.Fields[f].Priority.ToArray(), FieldSurvivor.RuleText(rules.Fields[f]))).ToArray();
    }

    /// <summary>Builds the person; <paramref name="goldenId"/> comes from <see cref="Identity.GoldenIdAssigner"/> (default: a new person's ID).</summary>
    public GoldenRecord Build(IReadOnlyList<PersonRecord> members, DateOnly today, string? goldenId = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("A person needs at least one record.", nameof(members));
        var keys = new SourceRecordKey[members.Count];
        var specialEducationalNeeds = false;
        var restricted = false;
        for (var i = 0; i < members.Count; i++)
        {
            keys[i] = members[i].Key;
            specialEducationalNeeds |= members[i].SpecialEducationalNeeds;
            restricted |= members[i].Restricted;
        }

        Array.Sort(keys);
        var chosen = new Dictionary<string, FieldLineage>(fields.Length, StringComparer.Ordinal);
        var values = new List<SourcedValue>(members.Count);
        foreach (var (field, rule, priority, text) in fields)
        {
            values.Clear();
            foreach (var member in members)
            {
                var value = StandardFields.ValueOf(member, field);
                if (!string.IsNullOrEmpty(value)) values.Add(new SourcedValue(value, member.Key, member.SourceSystem, member.ExtractDate));
            }

            if (FieldSurvivor.Choose(field, rule, priority, values, defaultOrder, text) is { } lineage) chosen[field] = lineage;
        }

        DateOnly? dateOfBirth = chosen.TryGetValue(StandardFields.DateOfBirth, out var dob)
            ? DateOnly.ParseExact(dob.Chosen.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return new GoldenRecord
        {
            GoldenId = goldenId ?? Identity.GoldenIdAssigner.GoldenIdFor(keys[0]),
            Kind = PersonKinds.Of(dateOfBirth, specialEducationalNeeds, today),
            Members = keys,
            Fields = chosen,
            Restricted = restricted,
        };
    }

    /// <summary>
    /// The same person as <see cref="Build"/>, but each field's lineage is made again whenever it is read
    /// instead of being held: for a whole authority's golden records kept in memory until they are published.
    /// Reading a field allocates its lineage, so read each once where it matters.
    /// </summary>
    public GoldenRecord BuildCompact(IReadOnlyList<PersonRecord> members, DateOnly today, string? goldenId = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("A person needs at least one record.", nameof(members));
        if (members.Count >= CompactGoldenFields.None) return Build(members, today, goldenId);
        var held = members.ToArray();
        var keys = new SourceRecordKey[held.Length];
        var specialEducationalNeeds = false;
        var restricted = false;
        for (var i = 0; i < held.Length; i++)
        {
            keys[i] = held[i].Key;
            specialEducationalNeeds |= held[i].SpecialEducationalNeeds;
            restricted |= held[i].Restricted;
        }

        Array.Sort(keys);
        var chosen = new ushort[fields.Length];
        var values = new List<SourcedValue>(held.Length);
        var supplier = new List<ushort>(held.Length);
        string? dateOfBirth = null;
        for (var f = 0; f < fields.Length; f++)
        {
            var (field, rule, priority, _) = fields[f];
            values.Clear();
            supplier.Clear();
            for (var m = 0; m < held.Length; m++)
            {
                var value = StandardFields.ValueOf(held[m], field);
                if (string.IsNullOrEmpty(value)) continue;
                values.Add(new SourcedValue(value, held[m].Key, held[m].SourceSystem, held[m].ExtractDate));
                supplier.Add((ushort)m);
            }

            chosen[f] = CompactGoldenFields.None;
            if (values.Count == 0) continue;
            var best = FieldSurvivor.Best(rule, priority, values, defaultOrder).Best;
            chosen[f] = supplier[best];
            if (field == StandardFields.DateOfBirth) dateOfBirth = values[best].Value;
        }

        DateOnly? birth = dateOfBirth is null ? null : DateOnly.ParseExact(dateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new GoldenRecord
        {
            GoldenId = goldenId ?? Identity.GoldenIdAssigner.GoldenIdFor(keys[0]),
            Kind = PersonKinds.Of(birth, specialEducationalNeeds, today),
            Members = keys,
            Fields = new CompactGoldenFields(fields, held, chosen),
            Restricted = restricted,
        };
    }

    /// <summary>One golden field's survivorship, resolved once from the configuration.</summary>
    internal readonly record struct FieldRule(string Field, SurvivorshipRule Rule, string[] Priority, string Text);
}
