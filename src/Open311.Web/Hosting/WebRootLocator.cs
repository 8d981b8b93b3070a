namespace Open311.Web.Hosting;

/// <summary>
/// Finds the site's static files. The repository keeps them in a top-level <c>wwwroot/</c> next to
/// <c>Open311.sln</c>; a published app carries them in its own folder.
/// </summary>
public static class WebRootLocator
{
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OPEN311_WEBROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Open311.sln")))
            {
                return Path.Combine(directory.FullName, "wwwroot");
            }
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Open311.sln")))
            {
                return Path.Combine(directory.FullName, "wwwroot");
            }
        }

        return Directory.Exists(beside) ? beside : null;
    }
}
