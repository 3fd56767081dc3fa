import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { Public } from '../http/public.decorator';
import { CONSOLE_CSS } from './console-templates';

/** htmx, from its npm package (no CDN): read on the first request for it, not at start-up. */
let htmx: string | undefined;

/** The console's static files: its style sheet and htmx. */
@ApiExcludeController()
@Public()
@Controller('console/assets')
export class ConsoleAssetsController {
  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  css(): string {
    return CONSOLE_CSS;
  }

  @Get('htmx.min.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  htmx(): string {
    htmx ??= readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');
    return htmx;
  }
}
