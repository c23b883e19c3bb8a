@echo off
rem Starts ghc-api with JVM settings sized for a proxy (see bin/ghc-api for what each one does).
rem   GHC_API_JAVA_OPTS  more JVM flags, after these     GHC_API_JAR  the jar to run
setlocal
set "here=%~dp0"
if not defined GHC_API_JAR (
  if exist "%here%ghc-api.jar" (set "GHC_API_JAR=%here%ghc-api.jar") else set "GHC_API_JAR=%here%..\app\target\ghc-api.jar"
)
if not exist "%GHC_API_JAR%" (
  echo ghc-api: ghc-api.jar not found; build it with: mvn -B -q package -DskipTests 1>&2
  exit /b 1
)
set "memory=-XX:+UseG1GC -Xms32m -Xmx128m -XX:MarkStackSize=524288"
echo %GHC_API_JAVA_OPTS% | findstr /c:"-XX:+Use" >nul && set "memory="
set "java=java"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java"
"%java%" %memory% %GHC_API_JAVA_OPTS% -jar "%GHC_API_JAR%" %*
