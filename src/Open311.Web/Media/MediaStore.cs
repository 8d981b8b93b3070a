using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Open311.Domain.Submission;

namespace Open311.Web.Media;

/// <summary>Settings under <c>Open311:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Open311:Media";

    /// <summary>Folder for uploaded images. A relative path is resolved against the content root.</summary>
    public string Path { get; set; } = ".data/media";

    /// <summary>Largest accepted image, in bytes (default 5 MiB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most images accepted with one request.</summary>
    public int MaxFiles { get; set; } = 3;
}

/// <summary>An image saved by <see cref="MediaStore"/>: its stored file name and its content type.</summary>
public sealed record StoredMedia(string Name, string ContentType)
{
    /// <summary>The site-relative path the image is served at.</summary>
    public string Path => MediaEndpoints.PathPrefix + Name;
}

/// <summary>The result of saving one upload: the stored image, or an error naming the form field.</summary>
public sealed record MediaSaveResult(StoredMedia? Media, SubmissionError? Error);

/// <summary>
/// Stores uploaded images on disk under random names. The type is read from the file's first bytes
/// (JPEG, PNG, GIF or WebP), never from the client's content type or file name, and anything else is rejected.
/// </summary>
public sealed partial class MediaStore
{
    private readonly MediaOptions _options;
    private readonly ILogger<MediaStore> _logger;

    public MediaStore(IOptions<MediaOptions> options, IWebHostEnvironment environment, ILogger<MediaStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        Folder = System.IO.Path.GetFullPath(_options.Path, environment.ContentRootPath);
    }

    /// <summary>The absolute folder images are stored in.</summary>
    public string Folder { get; }

    public MediaOptions Options => _options;

    /// <summary>
    /// Saves one upload. <paramref name="field"/> is the form field name used in errors (for example <c>media</c>).
    /// The file is written to a temporary name first and renamed when complete, so no partial image is ever served.
    /// </summary>
    public async Task<MediaSaveResult> SaveAsync(Stream content, string field, CancellationToken cancellationToken = default)
    {
        var maxMegabytes = _options.MaxFileBytes / (1024.0 * 1024.0);
        var header = new byte[ImageSniffer.HeaderLength];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var image = ImageSniffer.Detect(header.AsSpan(0, headerLength));
        if (image is null)
        {
            return new MediaSaveResult(null, new SubmissionError(field,
                $"{field} is not a supported image. Send a JPEG, PNG, GIF or WebP file of at most {maxMegabytes:0.#} MB."));
        }

        Directory.CreateDirectory(Folder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + image.Value.Extension;
        var finalPath = System.IO.Path.Combine(Folder, name);
        var temporaryPath = finalPath + ".part";

        long written;
        try
        {
            written = await CopyWithinLimitAsync(header.AsMemory(0, headerLength), content, temporaryPath, cancellationToken);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }

        if (written > _options.MaxFileBytes)
        {
            File.Delete(temporaryPath);
            return new MediaSaveResult(null, new SubmissionError(field,
                $"{field} is larger than the {maxMegabytes:0.#} MB limit. Send a smaller image."));
        }

        File.Move(temporaryPath, finalPath);
        LogStored(_logger, name, image.Value.ContentType, written);
        return new MediaSaveResult(new StoredMedia(name, image.Value.ContentType), null);
    }

    /// <summary>Writes the header and the rest of the stream to <paramref name="path"/>, stopping once the size limit is passed, and returns the bytes read.</summary>
    private async Task<long> CopyWithinLimitAsync(ReadOnlyMemory<byte> header, Stream content, string path, CancellationToken cancellationToken)
    {
        long written = header.Length;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await file.WriteAsync(header, cancellationToken);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > _options.MaxFileBytes)
            {
                break;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return written;
    }

    /// <summary>Saves every uploaded file, or none: when any file is rejected, the ones already saved are deleted.</summary>
    public async Task<(IReadOnlyList<StoredMedia> Media, IReadOnlyList<SubmissionError> Errors)> SaveAllAsync(
        IReadOnlyList<IFormFile> files, CancellationToken cancellationToken = default)
    {
        if (files.Count > _options.MaxFiles)
        {
            return ([], [new SubmissionError(files[0].Name, $"{files.Count} files were sent, but the maximum is {_options.MaxFiles}. Send fewer images.")]);
        }

        var saved = new List<StoredMedia>();
        var errors = new List<SubmissionError>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var result = await SaveAsync(stream, file.Name, cancellationToken);
            if (result.Media is not null)
            {
                saved.Add(result.Media);
            }
            else
            {
                errors.Add(result.Error!);
            }
        }

        if (errors.Count > 0)
        {
            saved.ForEach(Delete);
            return ([], errors);
        }

        return (saved, []);
    }

    /// <summary>Returns the full path of a stored image, or null when the name is not one this store creates or the file is gone.</summary>
    public string? FindFile(string name)
    {
        if (ImageSniffer.FromStoredName(name) is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Folder, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Deletes a stored image, for example one saved for a submission that then failed.</summary>
    public void Delete(StoredMedia media) => File.Delete(System.IO.Path.Combine(Folder, media.Name));

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Stored image {Name} ({ContentType}, {Bytes} bytes)")]
    private static partial void LogStored(ILogger logger, string name, string contentType, long bytes);
}
