using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Web.Portal.Accounts;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Portal;

/// <summary>Authorization policy names of the portal areas.</summary>
public static class PortalPolicies
{
    /// <summary>Liaisons and staff: the liaison portal under <c>/liaison</c>.</summary>
    public const string Liaison = "liaison-portal";

    /// <summary>Staff only: the back office under <c>/staff</c>.</summary>
    public const string Staff = "staff";
}

public static class PortalHostingExtensions
{
    /// <summary>
    /// Adds accounts (ASP.NET Core Identity on the main database, cookie sign-in), the area policies and the
    /// liaison bulk-submission services.
    /// </summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatorsFromAssemblyContaining<InviteLiaisonInputValidator>(ServiceLifetime.Singleton);
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = AccountRules.MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = AccountRules.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = AccountRules.LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<Open311DbContext>()
            .AddDefaultTokenProviders();

        // Development runs over plain http (./run.sh), so the secure flag follows the request there only.
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "open311.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = securePolicy;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/signin";
            options.LogoutPath = "/account/signout";
            options.AccessDeniedPath = "/account/denied";
        });
        // Antiforgery refuses every form post over plain http when its cookie is Always secure, which would break
        // servers behind a TLS-terminating proxy, so its cookie is secure whenever the request is.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "open311.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Liaison, policy => policy.RequireRole(Roles.Liaison, Roles.Staff))
            .AddPolicy(PortalPolicies.Staff, policy => policy.RequireRole(Roles.Staff));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeAreaFolder("Liaison", "/", PortalPolicies.Liaison);
            options.Conventions.AuthorizeAreaFolder("Staff", "/", PortalPolicies.Staff);
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);

        services.Configure<DemoAccountOptions>(builder.Configuration.GetSection(DemoAccountOptions.Section));
        services.AddScoped<InvitationService>();
        services.AddScoped<LiaisonScopeService>();
        services.AddScoped<BatchRowChecker>();
        services.AddScoped<BatchService>();
        services.AddScoped<DashboardQuery>();
        if (builder.Environment.IsDevelopment())
        {
            services.AddHostedService<DemoAccountSeeder>();
        }

        return builder;
    }

    /// <summary>Maps the portal's file downloads: CSV templates, failed rows and request exports.</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapLiaisonDownloads();
        return app;
    }
}
