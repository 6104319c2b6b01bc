# The service image for those who build with Docker (azd builds the same image without Docker: see azure.yaml).
# Build with the SDK, run on the chiselled ASP.NET Core runtime (no shell, no package manager) as the non-root app
# user on port 8080 - the base image the project's container settings name.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/Fulfillment.Api/Fulfillment.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS final
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Fulfillment.Api.dll"]
