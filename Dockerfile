# Builds the server image. The database is not inside: point ConnectionStrings__Open311 at a
# PostgreSQL server with PostGIS 3, for example the postgis/postgis image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY . .
RUN if [ -f package.json ]; then npm ci && npm run build --if-present; fi
RUN dotnet publish src/Open311.Web/Open311.Web.csproj -c Release -o /app \
 && mkdir -p /app/wwwroot /app/data \
 && cp -r wwwroot/. /app/wwwroot/ \
 && cp -r data/. /app/data/

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    OPEN311_WEBROOT=/app/wwwroot
EXPOSE 8080
# Import the demo data once with: docker run IMAGE dotnet Open311.Web.dll import --if-empty --data /app/data
ENTRYPOINT ["dotnet", "Open311.Web.dll"]
