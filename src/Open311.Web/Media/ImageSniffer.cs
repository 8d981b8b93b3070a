using System.Text.RegularExpressions;

namespace Open311.Web.Media;

/// <summary>Recognises the image formats accepted for upload by their signature bytes.</summary>
public static partial class ImageSniffer
{
    /// <summary>Bytes needed to recognise every supported format (WebP needs 12).</summary>
    public const int HeaderLength = 12;

    public readonly record struct ImageType(string ContentType, string Extension);

    private static readonly ImageType Jpeg = new("image/jpeg", ".jpg");
    private static readonly ImageType Png = new("image/png", ".png");
    private static readonly ImageType Gif = new("image/gif", ".gif");
    private static readonly ImageType WebP = new("image/webp", ".webp");

    /// <summary>Returns the image type whose signature starts <paramref name="header"/>, or null.</summary>
    public static ImageType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return null;
    }

    /// <summary>Returns the type of a name this store generated (32 hex digits and a known extension), or null for any other name.</summary>
    public static ImageType? FromStoredName(string name)
    {
        var match = StoredName().Match(name);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["extension"].Value switch
        {
            ".jpg" => Jpeg,
            ".png" => Png,
            ".gif" => Gif,
            ".webp" => WebP,
            _ => null,
        };
    }

    [GeneratedRegex(@"^[0-9a-f]{32}(?<extension>\.(jpg|png|gif|webp))$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredName();
}
