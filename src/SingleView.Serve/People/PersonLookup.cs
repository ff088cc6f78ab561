using SingleView.Serve.Access;
using SingleView.Serve.Audit;
using SingleView.Serve.Data;

namespace SingleView.Serve.People;

/// <summary>What happened when someone asked for a person.</summary>
internal abstract record PersonLookupResult
{
    /// <summary>No such person, or not one the viewer may open: the same answer, so existence is not revealed.</summary>
    public sealed record NotFound : PersonLookupResult;

    /// <summary>The role must state a purpose first; nothing about the person has been read.</summary>
    public sealed record PurposeNeeded : PersonLookupResult;

    /// <summary>The ID was retired by a merge; the person the viewer may open is now under <paramref name="CurrentId"/>.</summary>
    public sealed record Moved(string CurrentId) : PersonLookupResult;

    public sealed record Found(PersonView Person) : PersonLookupResult;
}

/// <summary>
/// Opening a person, the same for pages and API: purpose first (when the role's config requires one),
/// then the access policy, then retired IDs followed to the current one within the same rules, and
/// every look — shown or refused — recorded in the access log before anything is returned.
/// </summary>
internal sealed class PersonLookup(PersonViewService people, ServingReader reader, AccessPolicy access, AuditLog audit)
{
    /// <summary>Purposes longer than this are cut: the log is a record, not a case note.</summary>
    public const int MaximumPurposeLength = 500;

    public async Task<PersonLookupResult> OpenAsync(Viewer viewer, string goldenId, string? purpose, CancellationToken cancellationToken)
    {
        purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        if (purpose is { Length: > MaximumPurposeLength }) purpose = purpose[..MaximumPurposeLength];
        if (viewer.Role.PurposeRequired && purpose is null) return new PersonLookupResult.PurposeNeeded();
        await using var connection = ServingReader.ShareConnection();

        var person = await people.GetAsync(viewer, goldenId, cancellationToken);
        if (person is not null)
        {
            await audit.RecordAsync(Draft(viewer, AuditActions.View, person.GoldenId, goldenId, purpose));
            return new PersonLookupResult.Found(person);
        }

        var current = await reader.CurrentGoldenIdAsync(goldenId, cancellationToken);
        if (current is not null && await access.MayOpenAsync(viewer, current, cancellationToken))
        {
            // The view itself is recorded when the redirect is followed.
            return new PersonLookupResult.Moved(current);
        }

        await audit.RecordAsync(Draft(viewer, AuditActions.ViewRefused, null, goldenId, purpose));
        return new PersonLookupResult.NotFound();
    }

    public static AuditDraft Draft(Viewer viewer, string action, string? goldenId, string? requestedId, string? purpose, string? searchTerms = null, int? resultCount = null) =>
        new(viewer.Subject, viewer.Name, viewer.Role.Key, action, goldenId, requestedId, searchTerms, purpose, resultCount);
}
