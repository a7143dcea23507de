using Lms.Identity.Accounts;
using Lms.Identity.Administration;
using Lms.Identity.Data;
using Lms.Identity.Demo;
using Lms.Identity.Email;
using Lms.Identity.External;
using Lms.Identity.Keys;
using Lms.Identity.Memberships;
using Lms.Identity.Passwords;
using Lms.Identity.Sessions;
using Lms.Identity.SignInGuard;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace Lms.Identity;

public static class IdentityExtensions
{
    /// <summary>The identity service: accounts on ASP.NET Core Identity, token issuing, email, membership consumers.</summary>
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AccountsDbContext>();
        builder.AddServiceBus((bus, _) =>
        {
            bus.AddConsumer<InstitutionManagerAddedConsumer>();
            bus.AddConsumer<InstitutionManagerRemovedConsumer>();
            bus.AddConsumer<CompanyMemberJoinedConsumer>();
            bus.AddConsumer<CompanyMemberRoleChangedConsumer>();
            bus.AddConsumer<CompanyMemberLeftConsumer>();
            bus.AddConsumer<AdminActionRecordedConsumer>();
        });

        builder.Services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
                // Length beats composition rules (NIST SP 800-63B); a letter and a digit keep out the weakest.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddEntityFrameworkStores<AccountsDbContext>();

        builder.Services.AddOptions<TokenIssuingOptions>().BindConfiguration("Auth");
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration("Tokens");
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        builder.Services.AddOptions<ExternalLoginOptions>().BindConfiguration("ExternalLogin");
        builder.Services.AddHttpClient<ProviderClient>(http => http.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddScoped<AccessTokenIssuer>();
        builder.Services.AddScoped<SessionIssuer>();
        builder.Services.AddSingleton<AuthCookies>();
        builder.Services.AddSingleton<SignInMetrics>();
        builder.Services.AddScoped<ConfirmationEmail>();
        builder.Services.AddScoped<PasswordResetEmail>();
        builder.Services.AddScoped<CodeGuesses>();
        builder.Services.AddScoped<AccountAdministration>();
        builder.AddSignInGuard();
        builder.Services.AddSingleton<OutgoingMail>();
        builder.Services.AddHostedService<OutgoingMailSender>();
        builder.AddEmail();
        builder.AddKeyProtection();

        builder.Services.AddHostedService<SigningKeyBootstrap>();
        builder.Services.AddHostedService<DemoAccounts>();

        // This service validates its own tokens from its key store, not by fetching its own metadata.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<SigningKeyStore>((options, keys) =>
            {
                options.ConfigurationManager = new OwnSigningKeys(keys, options.TokenValidationParameters.ValidIssuer);
                SessionValidation.RequireLiveSession(options);
            });
        return builder;
    }

    public static RouteGroupBuilder MapIdentityEndpoints(this RouteGroupBuilder api) => api
        .MapSignUpEndpoints()
        .MapPasswordEndpoints()
        .MapSessionEndpoints()
        .MapProfileEndpoints()
        .MapExternalLoginEndpoints()
        .MapDiscoveryEndpoints()
        .MapAdministrationEndpoints();
}
