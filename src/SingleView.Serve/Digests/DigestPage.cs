using System.Globalization;
using SingleView.Schedule.Digests;
using SingleView.Serve.Pages;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Digests;

/// <summary>The DSL's digests: pupil, date of birth, kind of event, date, who to contact. Nothing more of any record.</summary>
internal static class DigestPage
{
    public static string Render(PageFrame frame, string schoolUrn, IReadOnlyList<Digest> digests, bool showContacts) =>
        PageLayout.Render(frame, "Safeguarding digests", Html($"""
            <h1 class="govuk-heading-l">Safeguarding digests</h1>
            <p class="govuk-body">New events for pupils on the roll of school URN {schoolUrn}, as sent to your school's designated safeguarding lead at 07:00. For the detail, contact the person named.</p>
            {(digests.Count == 0 ? Html($"""<p class="govuk-body">There are no digests for your school yet.</p>""") : Join(digests.Select(d => One(d, showContacts))))}
            """));

    public static string NotForYou(PageFrame frame) => PageLayout.Render(frame, "Not allowed", Html($"""
        <h1 class="govuk-heading-l">Not allowed</h1>
        <p class="govuk-body">Safeguarding digests are for a school's designated safeguarding lead, signed in with their school.</p>
        """));

    private static Markup One(Digest digest, bool showContacts)
    {
        var rows = Join(digest.Items.Select(item => Html($"""
            <tr class="govuk-table__row">
            <td class="govuk-table__cell">{item.PupilName}</td>
            <td class="govuk-table__cell">{Date(item.DateOfBirth)}</td>
            <td class="govuk-table__cell">{item.Kind}</td>
            <td class="govuk-table__cell">{Date(item.EventDate)}</td>
            {(showContacts ? Html($"""<td class="govuk-table__cell">{Contact(item)}</td>""") : Empty)}
            </tr>
            """)));
        return Html($"""
            <h2 class="govuk-heading-m">{digest.CreatedAt.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}</h2>
            <table class="govuk-table app-digest">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Date of birth</th>
            <th scope="col" class="govuk-table__header">Event</th><th scope="col" class="govuk-table__header">Date</th>
            {(showContacts ? Html($"""<th scope="col" class="govuk-table__header">Who to contact</th>""") : Empty)}
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }

    private static string Contact(DigestItem item)
    {
        var parts = new[] { item.ContactName, item.ContactRole, item.ContactPhone }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? "The service's duty team" : string.Join(", ", parts);
    }

    private static string Date(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : iso ?? "Not known";
}
