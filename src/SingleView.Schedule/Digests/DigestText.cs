using System.Globalization;
using System.Text;

namespace SingleView.Schedule.Digests;

/// <summary>The digest e-mail's subject and plain-text body. Plain text: nothing in it can run or track.</summary>
internal static class DigestText
{
    public static string Subject(string schoolUrn, int count, DateOnly day) =>
        $"SingleView safeguarding digest, school URN {schoolUrn}, {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {count} new {(count == 1 ? "event" : "events")}";

    public static string Body(string schoolUrn, IReadOnlyList<DigestItem> items, DateOnly day)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Safeguarding digest for school URN {schoolUrn}, {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        body.AppendLine("New events since your last digest for pupils on your school's current roll. For the detail, contact the person named; it is not shared here.");
        body.AppendLine();
        var number = 0;
        foreach (var item in items)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{++number}. {item.PupilName}, date of birth {item.DateOfBirth ?? "not known"}");
            body.AppendLine(CultureInfo.InvariantCulture, $"   {item.Kind}, {item.EventDate}");
            body.AppendLine(CultureInfo.InvariantCulture, $"   Contact: {Contact(item)}");
            body.AppendLine();
        }

        body.AppendLine("Sent by SingleView. Data may be wrong or incomplete: check with the contact before acting.");
        return body.ToString();
    }

    public static string Contact(DigestItem item)
    {
        var parts = new[] { item.ContactName, item.ContactRole, item.ContactPhone }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? "the service's duty team" : string.Join(", ", parts);
    }
}
