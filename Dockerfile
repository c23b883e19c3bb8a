# A ghc-api node from the fat jar. Build the jar first: mvn -B -q package -DskipTests
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /data --shell /usr/sbin/nologin ghc-api \
    && mkdir -p /opt/ghc-api /data && chown ghc-api /data
COPY app/target/ghc-api.jar /opt/ghc-api/ghc-api.jar
USER ghc-api
ENV GHC_API_CONFIG_DIR=/data
VOLUME /data
# 8313: the APIs and the dashboard; 5701: Hazelcast; 5801: the clustered event bus
EXPOSE 8313 5701 5801
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", \
  "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", \
  "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", \
  "--add-opens", "java.management/sun.management=ALL-UNNAMED", \
  "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", \
  "-jar", "/opt/ghc-api/ghc-api.jar"]
CMD ["--cluster"]
