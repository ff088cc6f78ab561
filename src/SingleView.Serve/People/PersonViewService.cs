using SingleView.Core.Model;
using SingleView.Serve.Access;
using SingleView.Serve.Configuration;
using SingleView.Serve.Data;
using SingleView.Serve.Search;

namespace SingleView.Serve.People;

/// <summary>
/// Builds what a viewer may see of one person. Every rule of <see cref="AccessPolicy"/> is applied here,
/// before the page or the API sees anything: services are filtered in the query, records of services the
/// role may not see are left out, and restricted people's addresses and contact details are withheld wherever
/// they appear (<see cref="WithheldValues"/>): on the restricted person, as a relative's address at the same home,
/// among a field's other values, in an involvement's text.
/// </summary>
internal sealed class PersonViewService(ServingReader reader, AccessPolicy access, DisplaySettings display, TimeProvider timeProvider)
{
    /// <summary>The person as the viewer may see them, or null when there is no such person or the viewer may not open them (the same answer, so existence is not revealed).</summary>
    public async Task<PersonView?> GetAsync(Viewer viewer, string goldenId, CancellationToken cancellationToken)
    {
        if (!await access.MayOpenAsync(viewer, goldenId, cancellationToken)) return null;
        var publication = await reader.PublicationFeedsAsync(cancellationToken);
        // Involvements of the role's services only are read; which of those the person's age shows is known once the person is.
        var records = await reader.PersonRecordsAsync(goldenId, AccessPolicy.ServicesOf(viewer), cancellationToken);
        if (records is null) return null;
        var person = records.Person;

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var dateOfBirth = DateInput.FromIso(person.DateOfBirth);
        int? age = dateOfBirth is { } dob ? PersonKinds.AgeOn(dob, today) : null;
        var restricted = person.Restricted != 0;
        var feeds = publication.Services;
        var withheld = publication.Withheld;
        var shown = access.ServicesShownFor(viewer, age);
        var notShownForAge = AccessPolicy.ServicesOf(viewer).Where(s => !shown.Contains(s)).Order().Select(ServiceLabels.Of).ToList();

        var statuses = publication.StatusesOf(shown);
        var shownNames = shown.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        var involvements = records.Involvements.Where(i => shownNames.Contains(i.Service)).ToList();
        var lineage = records.Lineage;
        // A service hidden from this viewer for this person — by the role or by the age rules — leaves no trace:
        // none of its records, record IDs, system names or matches, and nothing it alone said about the family.
        var mentionable = new MentionableFeeds(feeds, shown);
        var family = await FamilyAsync(viewer, mentionable, records.Family, cancellationToken);
        var sourceRecords = records.SourceRecords
            .Where(r => mentionable.Contains(r.Feed))
            .ToList();
        var matches = records.MatchPairs
            .Where(m => mentionable.Contains(m.FeedA) && mentionable.Contains(m.FeedB))
            .Select(ToMatch)
            .ToList();

        return new PersonView(
            person.GoldenId,
            PersonNames.Full(person.FirstName, AccessPolicy.SeesField(viewer, StandardFields.MiddleNames) ? person.MiddleNames : null, person.FamilyName),
            person.Kind,
            person.DateOfBirth,
            age,
            restricted,
            Fields(viewer, mentionable, person, lineage, WithheldFields(person, restricted, withheld), withheld),
            shown.Select(s => ServiceOf(viewer, s, statuses, involvements, today, withheld)).ToList(),
            notShownForAge,
            family,
            sourceRecords.Select(r => new SourceRecordView(
                Record(r.Feed, r.RecordId), r.SourceSystem, r.ExtractDate, PersonNames.Full(r.FirstName, null, r.FamilyName), r.DateOfBirth)).ToList(),
            matches,
            statuses
                .Select(s => (Status: s, Reason: FeedFreshness.StaleReason(s, today, display.StaleAfterDays)))
                .Where(s => s.Reason is not null)
                .Select(s => new StaleFeed(s.Status.Feed, s.Status.SourceSystem, ServiceLabel(s.Status.Service), s.Reason!))
                .ToList(),
            display.Disclaimer,
            publication.Publication?.PublishedAt);
    }

    /// <summary>
    /// The golden fields withheld from this person: all that locate a restricted person; of anyone else, the home
    /// (address and postcode together), phone or e-mail that is a restricted person's.
    /// </summary>
    private static HashSet<string> WithheldFields(PersonRow person, bool restricted, WithheldValues withheld)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        if (restricted || withheld.WithholdsHome(person.Address, person.Postcode)) fields.UnionWith([StandardFields.Address, StandardFields.Postcode]);
        if (restricted || withheld.Mentions(person.Phone)) fields.Add(StandardFields.Phone);
        if (restricted || withheld.Mentions(person.Email)) fields.Add(StandardFields.Email);
        return fields;
    }

    private static List<GoldenField> Fields(
        Viewer viewer, MentionableFeeds feeds, PersonRow person, IReadOnlyList<LineageRow> lineage, HashSet<string> withheldFields, WithheldValues withheld)
    {
        var byField = lineage.ToDictionary(l => l.Field, StringComparer.Ordinal);
        var fields = new List<GoldenField>();
        foreach (var field in StandardFields.Golden.Where(f => AccessPolicy.SeesField(viewer, f)))
        {
            var label = ServiceLabels.FieldLabel(field);
            if (withheldFields.Contains(field))
            {
                fields.Add(new GoldenField(field, label, null, Withheld: true, Provenance: null));
                continue;
            }

            var value = ValueOf(person, field);
            var provenance = byField.TryGetValue(field, out var row) ? ProvenanceOf(feeds, row, withheld) : null;
            fields.Add(new GoldenField(field, label, value, Withheld: false, provenance));
        }

        return fields;
    }

    /// <summary>
    /// Where the value came from, or null when its source is a service hidden from the viewer for this person: saying
    /// "a source not shared with your role" would itself tell them that service holds the person. The rule may name
    /// the hidden feed ("source priority: lcs, police"), so it goes with the source.
    /// </summary>
    private static Provenance? ProvenanceOf(MentionableFeeds feeds, LineageRow row, WithheldValues withheld)
    {
        if (!feeds.Contains(row.SourceFeed)) return null;
        var others = OtherValuesJson.Read(row.OtherValues)
            .Where(v => feeds.Contains(v.Feed) && !withheld.Mentions(v.Value))
            .Select(v => new OtherValue(v.Value, v.SourceSystem, Record(v.Feed, v.RecordId), v.ExtractDate))
            .ToList();
        return new Provenance(row.SourceSystem, Record(row.SourceFeed, row.SourceRecordId), row.ExtractDate, row.Rule, others);
    }

    private static string? ValueOf(PersonRow person, string field) => field switch
    {
        StandardFields.FirstName => person.FirstName,
        StandardFields.MiddleNames => person.MiddleNames,
        StandardFields.FamilyName => person.FamilyName,
        StandardFields.DateOfBirth => person.DateOfBirth,
        StandardFields.Gender => person.Gender,
        StandardFields.Address => person.Address,
        StandardFields.Postcode => person.Postcode,
        StandardFields.NhsNumber => person.NhsNumber,
        StandardFields.Upn => person.Upn,
        StandardFields.CasePersonId => person.CasePersonId,
        StandardFields.Phone => person.Phone,
        StandardFields.Email => person.Email,
        _ => null,
    };

    private ServiceView ServiceOf(
        Viewer viewer, Service service, IReadOnlyList<FeedStatusRow> statuses, IReadOnlyList<InvolvementRow> involvements, DateOnly today, WithheldValues withheld)
    {
        var name = service.ToString();
        var feeds = statuses.Where(s => s.Service == name).ToList();
        var records = involvements.Where(i => i.Service == name).ToList();
        var available = feeds.Where(f => f.State != nameof(FeedState.NotAvailable)).ToList();
        // Absence of data must never look like absence of involvement: no usable feed is "source not available".
        var flag = records.Count > 0 ? ServiceFlags.RecordsFound
            : available.Count == 0 ? ServiceFlags.SourceNotAvailable
            : ServiceFlags.NoRecordsFound;
        var note = flag == ServiceFlags.NoRecordsFound && available.Count < feeds.Count
            ? "Some sources for this service are not available"
            : null;
        var feedByName = feeds.ToDictionary(f => f.Feed, StringComparer.Ordinal);
        return new ServiceView(
            name,
            ServiceLabels.Of(service),
            flag,
            ServiceFlags.TextOf(flag),
            note,
            records.Select(r => InvolvementOf(viewer, service, r, feedByName.GetValueOrDefault(r.Feed), withheld)).ToList(),
            feeds.Select(f => new FeedView(
                f.Feed, f.SourceSystem, f.State, f.CurrentAsOf, f.CoverageStart, f.CoverageEnd, f.CoverageArea,
                FeedFreshness.StaleReason(f, today, display.StaleAfterDays) is not null, f.Message)).ToList());
    }

    private static InvolvementView InvolvementOf(Viewer viewer, Service service, InvolvementRow row, FeedStatusRow? feed, WithheldValues withheld)
    {
        // A practitioner's number that is also a restricted person's (a shared or recycled number) is withheld too.
        var (phone, email) = (withheld.Shown(row.ContactPhone), withheld.Shown(row.ContactEmail));
        var contact = AccessPolicy.SeesContactDetails(viewer) && new[] { row.ContactName, row.ContactRole, phone, email }.Any(v => !string.IsNullOrWhiteSpace(v))
            ? new ContactView(withheld.Shown(row.ContactName), withheld.Shown(row.ContactRole), phone, email)
            : null;
        var details = DetailsJson.Read(row.Details)
            .Select(d => new DetailView(d.Key, ServiceDetailCatalogue.LabelOf(service, d.Key), withheld.Mentions(d.Value) ? WithheldText : d.Value))
            .ToList();
        return new InvolvementView(
            Record(row.Feed, row.RecordId),
            feed?.SourceSystem ?? row.Feed,
            row.Status,
            row.StartDate,
            row.EndDate,
            withheld.Mentions(row.Nature) ? WithheldText : row.Nature,
            withheld.Mentions(row.Organisation) ? WithheldText : row.Organisation,
            contact,
            details,
            feed?.CurrentAsOf,
            LaunchLinks.For(feed?.LaunchUrl, row.RecordId));
    }

    /// <summary>
    /// The relatives the viewer may open (what a role sees of another person follows the rules for opening them: a
    /// school DSL sees only those on their roll), by relationships a service shown for this person recorded.
    /// </summary>
    private async Task<List<FamilyMember>> FamilyAsync(Viewer viewer, MentionableFeeds feeds, IReadOnlyList<FamilyRow> rows, CancellationToken cancellationToken)
    {
        var told = rows.Where(r => feeds.Contains(r.SourceFeed)).ToList();
        var openable = (await access.VisiblePeopleAsync(viewer, told.Select(r => r.GoldenId).Distinct().ToList(), cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return told.Where(r => openable.Contains(r.GoldenId)).Select(r => new FamilyMember(
            r.GoldenId,
            PersonNames.Full(r.FirstName, null, r.FamilyName),
            ServiceLabels.RelationshipLabel(r.RelationshipType),
            r.DateOfBirth,
            r.Kind,
            r.SourceFeed,
            r.Evidence)).ToList();
    }

    /// <summary>The feeds whose records may be mentioned to the viewer about this person: those of the services shown for them.</summary>
    private sealed class MentionableFeeds(FeedServices feeds, IReadOnlyCollection<Service> shown)
    {
        public bool Contains(string feed) => feeds.ServiceOf(feed) is { } service && shown.Contains(service);
    }

    /// <summary>What stands in for free text that held a restricted person's value.</summary>
    internal const string WithheldText = "Withheld";

    private static MatchView ToMatch(MatchPairRow row)
    {
        var (prior, blockingRule, comparisons) = MatchExplanation.Read(row.Explanation);
        return new MatchView(
            Record(row.FeedA, row.RecordA), Record(row.FeedB, row.RecordB), row.Decision, prior, blockingRule, comparisons, row.MatchWeight, row.MatchProbability);
    }

    private static string ServiceLabel(string service) =>
        Enum.TryParse<Service>(service, out var parsed) ? ServiceLabels.Of(parsed) : service;

    private static string Record(string feed, string recordId) => $"{feed}:{recordId}";
}
