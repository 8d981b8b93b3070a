namespace Open311.Web.Site.Reporting;

/// <summary>A photo attached to a report, checked by <see cref="ReportPhotos"/> and kept with the draft until the report is sent.</summary>
public sealed record ReportPhoto(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Stores a sent report's photos and returns the public URL of each. The core media store implements it;
/// until one is registered the report form offers no photo field.
/// </summary>
public interface IReportPhotoStore
{
    Task<string> SaveAsync(ReportPhoto photo, CancellationToken cancellationToken);
}

/// <summary>Reads and checks the uploaded photos of the report form.</summary>
public static class ReportPhotos
{
    public const string Field = "media";

    public const int MaxCount = 3;

    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly (string ContentType, byte[] Signature)[] Signatures =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        ("image/gif", [0x47, 0x49, 0x46, 0x38]),
        ("image/webp", [0x52, 0x49, 0x46, 0x46]),
    ];

    /// <summary>Returns the photos, or an error message naming the file at fault and what to do.</summary>
    public static async Task<(IReadOnlyList<ReportPhoto> Photos, string? Error)> ReadAsync(IFormFileCollection files, CancellationToken cancellationToken)
    {
        var uploads = files.GetFiles(Field).Where(f => f.Length > 0).ToList();
        if (uploads.Count > MaxCount)
        {
            return ([], $"Too many photos: {uploads.Count} were attached. Attach at most {MaxCount}.");
        }

        var photos = new List<ReportPhoto>();
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName(upload.FileName);
            if (upload.Length > MaxBytes)
            {
                return ([], $"The photo “{name}” is larger than 5 MB. Attach a smaller photo.");
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            var type = Signatures.FirstOrDefault(s => content.AsSpan().StartsWith(s.Signature)).ContentType;
            if (type is null)
            {
                return ([], $"The file “{name}” is not a JPEG, PNG, GIF or WebP photo. Attach a photo in one of those formats.");
            }

            photos.Add(new ReportPhoto(name, type, content));
        }

        return (photos, null);
    }
}
