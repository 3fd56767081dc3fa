import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../http/public.decorator';
import { OPERATIONS_CSS } from './console-operations-templates';
import { CONSOLE_CSS } from './console-templates';
import { SIMULATION_CHART_SCRIPT } from './simulation-chart.script';
import { CONSOLE_PAGE_SCRIPT } from './console-page.script';

/** htmx, from its npm package (no CDN): read on the first request for it, not at start-up. */
let htmx: string | undefined;
/** Chart.js's UMD build, from its package (its exports name no `dist/` file): read the same way. */
let chartJs: string | undefined;

/** The console's static files: its style sheet, htmx, Chart.js, its page script and the chart's. */
@ApiExcludeController()
@Public()
@Controller('console/assets')
export class ConsoleAssetsController {
  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  css(): string {
    return CONSOLE_CSS + OPERATIONS_CSS;
  }

  @Get('htmx.min.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  htmx(): string {
    htmx ??= readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');
    return htmx;
  }

  @Get('chart.umd.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  chartJs(): string {
    chartJs ??= readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.js'), 'utf8');
    return chartJs;
  }

  @Get('console.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  pageScript(): string {
    return CONSOLE_PAGE_SCRIPT;
  }

  @Get('simulation-chart.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  simulationChart(): string {
    return SIMULATION_CHART_SCRIPT;
  }
}
