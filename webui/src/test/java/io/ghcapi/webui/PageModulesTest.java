package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pages' pure modules, run in the browser as the pages load them: stream assembly for the three wire
 * formats, the curl command, the filters' API paths.
 */
@ExtendWith(DemoStage.class)
class PageModulesTest {

  @Test
  void assemblesOpenAiChatStreamsWithToolCalls(DemoGateway server, Browser browser) {
    Map<?, ?> result = run(server, browser, "/assets/stream-assembly.js", "m.assembleStream(["
        + "'{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}',"
        + "'{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}',"
        + "'{\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}',"
        + "'{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\\\"ci\"}}]}}]}',"
        + "'{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\\\":1}\"}}]},\"finish_reason\":\"tool_calls\"}]}',"
        + "'{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}',"
        + "'[DONE]'])");
    assertEquals("Hello", result.get("text"));
    assertEquals("tool_calls", result.get("stopReason"));
    assertEquals("openai-chat", result.get("format"));
    Map<?, ?> tool = (Map<?, ?>) ((java.util.List<?>) result.get("tools")).get(0);
    assertEquals("get_weather", tool.get("name"));
    assertEquals("{\"city\":1}", tool.get("arguments"));
    assertEquals(7L, ((java.util.List<?>) result.get("steps")).size() + 0L);

    Object halfway = runValue(server, browser, "/assets/stream-assembly.js",
        "m.assembledAt(m.assembleStream(['{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}',"
            + "'{\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}']), 0).text");
    assertEquals("Hel", halfway, "the text after the first event");
  }

  @Test
  void assemblesResponsesStreamsAndSaysWhatWasCutOff(DemoGateway server, Browser browser) {
    Map<?, ?> result = run(server, browser, "/assets/stream-assembly.js", "m.assembleStream(["
        + "'{\"type\":\"response.created\",\"response\":{}}',"
        + "'{\"type\":\"response.reasoning_summary_text.delta\",\"delta\":\"thinking\"}',"
        + "'{\"type\":\"response.output_text.delta\",\"delta\":\"Bonjour\"}',"
        + "'{\"type\":\"response.output_item.added\",\"item\":{\"type\":\"function_call\",\"id\":\"fc_1\",\"name\":\"lookup\"}}',"
        + "'{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"delta\":\"{}\"}',"
        + "'{\"type\":\"response.completed\",\"response\":{\"status\":\"completed\",\"usage\":{\"input_tokens\":3}}}',"
        + "'{\"_truncated\":true,\"_dropped_bytes\":1234}'])");
    assertEquals("Bonjour", result.get("text"));
    assertEquals("thinking", result.get("thinking"));
    assertEquals("completed", result.get("stopReason"));
    Map<?, ?> tool = (Map<?, ?>) ((java.util.List<?>) result.get("tools")).get(0);
    assertEquals("lookup", tool.get("name"));
    assertEquals("{}", tool.get("arguments"));
    Map<?, ?> last = (Map<?, ?>) ((java.util.List<?>) result.get("steps")).get(6);
    assertTrue(String.valueOf(last.get("label")).contains("1234 more bytes were not kept"), String.valueOf(last.get("label")));
  }

  @Test
  void buildsACurlCommandThatSurvivesQuotesAndKeepsNoSecret(DemoGateway server, Browser browser) {
    Object curl = runValue(server, browser, "/assets/curl-command.js", "m.curlCommand('http://127.0.0.1:8313', {"
        + "endpoint: '/v1/chat/completions', request_headers: {authorization: 'Bearer [REDACTED 20 chars]'},"
        + "original_request_body: {model: 'gpt-4.1', stream: false, messages: [{role: 'user', content: \"it's\"}]}})");
    assertEquals("curl 'http://127.0.0.1:8313/v1/chat/completions' \\\n"
        + "  -H 'Content-Type: application/json' \\\n"
        + "  -H \"Authorization: Bearer $GHC_API_KEY\" \\\n"
        + "  --data-binary '{\"model\":\"gpt-4.1\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"it'\\''s\"}]}'",
        curl);
  }

  @Test
  void turnsFiltersIntoTheRightApiCall(DemoGateway server, Browser browser) {
    assertEquals("/api/requests/search?page=2&per_page=50&model=gpt-4.1&status=5xx&since=9100&q=needle",
        runValue(server, browser, "/assets/request-filters.js", "m.apiPath({page: 2, mode: 'full', q: 'needle', "
            + "model: 'gpt-4.1', status: '5xx', range: '15m'}, 10000)"));
    assertEquals("/api/requests?page=1&per_page=20&user=bob&search=gpt",
        runValue(server, browser, "/assets/request-filters.js", "m.apiPath({page: 1, mode: 'basic', q: 'gpt', "
            + "user: 'bob', per_page: '20'})"));
    assertEquals("/api/requests?page=1&per_page=50&since=100&until=200",
        runValue(server, browser, "/assets/request-filters.js", "m.apiPath({page: 1, mode: 'full', q: '', "
            + "range: 'custom', since: '100', until: '200'})"), "no text: the plain listing");
  }

  /** Imports a module of the pages and evaluates {@code expression} (with the module as {@code m}). */
  private static Object runValue(DemoGateway server, Browser browser, String module, String expression) {
    if (!browser.driver.getCurrentUrl().startsWith(server.url("/"))) {
      browser.open(server.url("/favicon.svg"));
    }
    browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    Object result = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "import(arguments[0]).then(m => done({value: JSON.parse(JSON.stringify(" + expression + "))}),"
        + " e => done({error: String(e && e.stack || e)}));", module);
    Map<?, ?> answer = (Map<?, ?>) result;
    if (answer.containsKey("error")) {
      throw new AssertionError(answer.get("error"));
    }
    return answer.get("value");
  }

  private static Map<?, ?> run(DemoGateway server, Browser browser, String module, String expression) {
    return (Map<?, ?>) runValue(server, browser, module, expression);
  }
}
