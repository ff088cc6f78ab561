using SingleView.Core.Model;
using SingleView.Golden.Survivorship;

namespace SingleView.Golden;

/// <summary>Builds one golden record per person from the source records that make them up.</summary>
public sealed class GoldenRecordBuilder(SurvivorshipRules rules)
{
    /// <summary>Builds the person; <paramref name="goldenId"/> comes from <see cref="Identity.GoldenIdAssigner"/> (default: a new person's ID).</summary>
    public GoldenRecord Build(IReadOnlyList<PersonRecord> members, DateOnly today, string? goldenId = null)
    {
        var keys = members.Select(m => m.Key).Order().ToList();
        var fields = new Dictionary<string, FieldLineage>(StringComparer.Ordinal);
        foreach (var field in StandardFields.Golden)
        {
            var values = members
                .Select(m => (Record: m, Value: StandardFields.ValueOf(m, field)))
                .Where(x => !string.IsNullOrEmpty(x.Value))
                .Select(x => new SourcedValue(x.Value!, x.Record.Key, x.Record.SourceSystem, x.Record.ExtractDate))
                .ToList();
            var lineage = FieldSurvivor.Choose(field, rules.Fields[field], values, rules.DefaultOrder);
            if (lineage is not null) fields[field] = lineage;
        }

        DateOnly? dateOfBirth = fields.TryGetValue(StandardFields.DateOfBirth, out var dob) ? DateOnly.Parse(dob.Chosen.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new GoldenRecord
        {
            GoldenId = goldenId ?? Identity.GoldenIdAssigner.GoldenIdFor(keys[0]),
            Kind = PersonKinds.Of(dateOfBirth, members.Any(m => m.SpecialEducationalNeeds), today),
            Members = keys,
            Fields = fields,
            Restricted = members.Any(m => m.Restricted),
        };
    }
}
