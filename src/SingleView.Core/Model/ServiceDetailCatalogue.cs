namespace SingleView.Core.Model;

/// <summary>
/// The service-specific Family Context fields a feed may map, with their display labels. A feed
/// definition naming a detail that is not listed for its service is refused on load.
/// </summary>
public static class ServiceDetailCatalogue
{
    private static readonly Dictionary<Service, IReadOnlyDictionary<string, string>> Labels = new()
    {
        [Service.School] = Map(
            ("school_urn", "School URN"),
            ("admission_type", "Admission type"),
            ("special_educational_needs", "Special educational needs"),
            ("exclusion", "Exclusion"),
            ("exclusion_date", "Exclusion date")),
        [Service.ChildrensSocialCare] = Map(
            ("plan_type", "Plan"),
            ("referral_date", "Referral date"),
            ("missing_episode", "Missing from home episode")),
        [Service.EarlyHelp] = Map(
            ("episode_reason", "Reason for support"),
            ("consent_recorded", "Consent recorded")),
        [Service.Police] = Map(
            ("area", "Police area"),
            ("safeguarding_offences", "Safeguarding offences"),
            ("offence_1_date", "Offence 1 date"),
            ("offence_1_type", "Offence 1 type"),
            ("offence_1_involvement", "Offence 1 involvement"),
            ("non_safeguarding_offences", "Non-safeguarding offences"),
            ("domestic_abuse_incident", "Police-attended domestic abuse incident")),
        [Service.Housing] = Map(
            ("anti_social_behaviour", "Anti-social behaviour"),
            ("anti_social_behaviour_case", "Anti-social behaviour case"),
            ("eviction", "Eviction"),
            ("eviction_case", "Eviction case"),
            ("notice_seeking_possession", "Notice seeking possession"),
            ("notice_seeking_possession_case", "Notice seeking possession case"),
            ("rent_arrears", "Rent arrears"),
            ("rent_arrears_case", "Rent arrears case")),
        [Service.AdultSocialCare] = Map(
            ("last_involvement_start", "Start of last involvement"),
            ("most_recent_interaction", "Most recent interaction")),
        [Service.Health] = Map(
            ("gp_practice", "GP practice"),
            ("health_flag", "Health flag")),
        [Service.YouthJustice] = Map(
            ("order_type", "Order"),
            ("risk_level", "Risk level")),
    };

    public static bool IsKnown(Service service, string detail) =>
        Labels.TryGetValue(service, out var map) && map.ContainsKey(detail);

    public static string LabelOf(Service service, string detail) =>
        Labels.TryGetValue(service, out var map) && map.TryGetValue(detail, out var label) ? label : detail;

    public static IEnumerable<string> DetailsOf(Service service) =>
        Labels.TryGetValue(service, out var map) ? map.Keys : [];

    private static Dictionary<string, string> Map(params (string Key, string Label)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Label, StringComparer.Ordinal);
}
