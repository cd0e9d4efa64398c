/**
 * Personal settings of the two-factor gateway: one widget per configured channel, no build
 * step. States as the existing app: 0 not enabled, 1 enter identifier, 2 enter code, 3 enabled.
 * Talks to the app's OCS routes (/settings/{gateway}/verification…), plain JSON bodies.
 */
(function () {
	'use strict'

	const tr = (text, vars) => {
		const translated = (window.t ? window.t('twofactor_gateway', text, vars) : text)
		return translated.replace(/{(\w+)}/g, (all, key) => (vars && key in vars ? String(vars[key]) : all))
	}

	const ocsBase = () => {
		if (window.OC && typeof window.OC.linkToOCS === 'function') {
			return window.OC.linkToOCS('apps/twofactor_gateway', 2)
		}
		return '/ocs/v2.php/apps/twofactor_gateway/'
	}

	async function call(method, gateway, suffix, body) {
		const headers = {
			'OCS-APIRequest': 'true',
			Accept: 'application/json',
			requesttoken: (window.OC && window.OC.requestToken) || '',
		}
		const options = { method, headers, credentials: 'same-origin' }
		if (body) {
			headers['Content-Type'] = 'application/x-www-form-urlencoded'
			options.body = new URLSearchParams(body).toString()
		}
		const response = await fetch(ocsBase() + 'settings/' + encodeURIComponent(gateway) + '/verification' + suffix, options)
		let data = null
		try {
			data = await response.json()
		} catch (e) {
			data = null
		}
		return { ok: response.ok, status: response.status, data }
	}

	function el(tag, attrs, ...children) {
		const node = document.createElement(tag)
		Object.entries(attrs || {}).forEach(([key, value]) => {
			if (key === 'on') {
				Object.entries(value).forEach(([event, handler]) => node.addEventListener(event, handler))
			} else {
				node.setAttribute(key, value)
			}
		})
		children.flat().forEach((child) => node.append(child))
		return node
	}

	function mount(root) {
		const gateway = root.dataset.gateway
		const name = root.dataset.name
		const view = { state: 0, phoneNumber: '', error: '', busy: false }

		const render = () => {
			root.replaceChildren()
			root.dataset.state = String(view.state)
			const instructions = root.dataset.instructions ? el('p', { class: 'instructions' }, root.dataset.instructions) : ''
			const error = view.error ? el('p', { class: 'error', role: 'alert' }, view.error) : ''
			if (view.state === 0) {
				root.append(instructions,
					el('p', {}, tr('You are not using {displayName} for two-factor authentication at the moment.', { displayName: name })),
					el('button', { class: 'enable', on: { click: () => { view.state = 1; view.error = ''; render() } } }, tr('Enable')))
			} else if (view.state === 1) {
				const input = el('input', { type: 'text', class: 'identifier', value: view.phoneNumber || root.dataset.prefill || '', autocomplete: root.dataset.phone === '1' ? 'tel' : 'off' })
				const form = el('form', { on: { submit: (e) => { e.preventDefault(); start(input.value) } } },
					el('label', {}, tr('Enter your identification (e.g. phone number to start the verification):'), ' ', input),
					' ', el('button', { type: 'submit', class: 'verify' }, tr('Verify')))
				root.append(instructions, error, form)
			} else if (view.state === 2) {
				const input = el('input', { type: 'text', class: 'code', inputmode: 'numeric', autocomplete: 'one-time-code' })
				const form = el('form', { on: { submit: (e) => { e.preventDefault(); finish(input.value) } } },
					el('label', {}, tr('A confirmation code has been sent to {phone}. Please insert the code here:', { phone: view.phoneNumber }), ' ', input),
					' ', el('button', { type: 'submit', class: 'confirm' }, tr('Confirm')))
				root.append(error, form)
			} else {
				root.append(el('p', {}, tr('Your account was successfully configured to receive messages via {displayName}.', { displayName: name })),
					el('button', { class: 'disable', on: { click: disable } }, tr('Disable')))
			}
		}

		const load = async () => {
			const r = await call('GET', gateway, '')
			if (r.ok && r.data) {
				view.state = r.data.state
				view.phoneNumber = r.data.phoneNumber || ''
			} else {
				view.error = tr('Could not load the settings of {displayName}.', { displayName: name })
			}
			render()
		}

		const start = async (identifier) => {
			view.error = ''
			const r = await call('POST', gateway, '/start', { identifier })
			if (r.ok && r.data) {
				view.state = 2
				view.phoneNumber = r.data.phoneNumber
			} else {
				view.state = 1
				view.phoneNumber = identifier
				view.error = (r.data && r.data.message) || tr('Could not send the verification code.')
			}
			render()
		}

		const finish = async (code) => {
			const r = await call('POST', gateway, '/finish', { verificationCode: code })
			if (r.ok) {
				view.state = 3
				view.error = ''
			} else {
				view.state = 1
				view.error = tr('Could not verify your code. Please try again.')
			}
			render()
		}

		const disable = async () => {
			const r = await call('DELETE', gateway, '')
			if (r.ok) {
				view.state = 0
			}
			render()
		}

		load()
	}

	function init() {
		document.querySelectorAll('.twofactor-gateway-settings').forEach((root) => {
			const complete = document.getElementById('twofactor-gateway-' + root.dataset.gateway + '-is-complete')
			if (complete && complete.value !== '1') {
				// Not configured by the admin: hide the provider's entry altogether.
				const item = root.closest('li') || root
				item.style.display = 'none'
				return
			}
			mount(root)
		})
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', init)
	} else {
		init()
	}
})()
