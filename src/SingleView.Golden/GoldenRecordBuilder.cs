using System.Globalization;
using SingleView.Core.Model;
using SingleView.Golden.Survivorship;

namespace SingleView.Golden;

/// <summary>Builds one golden record per person from the source records that make them up. Thread-safe.</summary>
public sealed class GoldenRecordBuilder
{
    private readonly string[] defaultOrder;
    private readonly (string Field, SurvivorshipRule Rule, string[] Priority, string Text)[] fields;

    public GoldenRecordBuilder(SurvivorshipRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        defaultOrder = [.. rules.DefaultOrder];
        fields = StandardFields.Golden.Select(f => (f, rules.Fields[f].Rule, rules.Fields[f].Priority.ToArray(), FieldSurvivor.RuleText(rules.Fields[f]))).ToArray();
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
}
